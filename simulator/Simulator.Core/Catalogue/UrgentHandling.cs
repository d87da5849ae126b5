namespace Simulator.Core.Catalogue;

/// <summary>When a request may be marked urgent: the condition the law names for it, which the facts must show.</summary>
public enum UrgencyCondition
{
    /// <summary>Some data sought is still at its holder, neither frozen nor copied, and the holder deletes it before an
    /// ordinary answer could come (the instrument's usual transmission, review and return): particularly vulnerable to
    /// loss (ETS185 Art. 31(3)(a)).</summary>
    DataVulnerableToLoss,
}

/// <summary>
/// An instrument's urgent handling, apart from an emergency: a request the requesting side marks urgent, and the
/// facts support, is sent by expedited means and answered on an expedited basis. Budapest Art. 31(3)(a) gives it
/// where the data are particularly vulnerable to loss or modification (no threat to a life needed), Art. 25(3) the
/// expedited means and Art. 27(9) the direct channel between judicial authorities. <see cref="SpeedFactor"/> is the
/// share of the usual transmission, review and return times it takes: the law sets no figure, so it is the
/// simulator's assumption (<see cref="Unsure"/>).
/// </summary>
public sealed record UrgentHandling(
    UrgencyCondition When,
    string Source,
    string MeansSource,
    bool WaitsInBacklog,
    double SpeedFactor,
    bool Unsure = false)
{
    /// <summary>The article of the condition: <see cref="Source"/> up to its first colon, where the catalogue's sources say what it provides.</summary>
    public string Article => Source.Split(':', 2)[0];

    public string Describe() => When switch
    {
        UrgencyCondition.DataVulnerableToLoss => "data particularly vulnerable to loss or modification",
        _ => When.ToString(),
    };
}
