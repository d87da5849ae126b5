namespace Simulator.Core.Catalogue;

/// <summary>
/// The issuing authority's duty to tell the person whose data an order obtained (REG 2023/1543 Art. 13): without undue
/// delay once the data are produced (<see cref="Source"/>), unless it delays, restricts or omits it under the conditions
/// of Directive (EU) 2016/680 Art. 13(3), recording its reasons in the case file (<see cref="DelaySource"/>); the person
/// is told of the remedies open to them (<see cref="RemediesSource"/>).
/// </summary>
public sealed record PersonInformation(string Source, string DelaySource, string RemediesSource, bool Unsure = false);
