namespace Simulator.Reports;

/// <summary>
/// How a request ended, in the words of providers' transparency reports. "produced" means the answer reached the
/// requesting state (for a preservation request: the holder confirmed the freeze); a request that has not come back
/// yet, including one whose data is found but still on its way back, is "pending".
/// </summary>
public static class RequestOutcomeKind
{
    public const string Produced = "produced";
    public const string Refused = "refused";
    public const string NothingFound = "nothing-found";
    public const string Withdrawn = "withdrawn";
    public const string Pending = "pending";

    public static readonly IReadOnlyList<string> All = [Produced, Refused, NothingFound, Withdrawn, Pending];

    /// <param name="state">The request's state in kebab-case, as the journal and outcome write it.</param>
    public static string Of(string state) => state switch
    {
        "delivered" => Produced,
        "refused" => Refused,
        "nothing-found" => NothingFound,
        "withdrawn" => Withdrawn,
        _ => Pending,
    };
}
