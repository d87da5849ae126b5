namespace Simulator.Core.Common;

/// <summary>
/// The data taxonomy shared by the Budapest Convention and the EU e-Evidence Regulation.
/// Subscriber: ETS185 Art. 18(3); traffic: ETS185 Art. 1(d); identification: REG (EU) 2023/1543 Art. 3(10);
/// content: no Art. 1 definition in ETS185 (interception under Arts. 21 and 34).
/// </summary>
public enum DataCategory
{
    Subscriber,
    Identification,
    Traffic,
    Content,
}
