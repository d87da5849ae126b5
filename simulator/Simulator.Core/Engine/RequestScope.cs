namespace Simulator.Core.Engine;

/// <summary>
/// What a request asks the holder for within its items: records of these <see cref="Identifiers"/> (accounts,
/// addresses) from <see cref="From"/> to <see cref="To"/>. A missing bound asks for every record held on that side: from
/// the oldest the holder keeps, up to the moment of sending. A request without a scope asks for what its leads' facts
/// support, as the shipped policies do; one with a scope is judged against them (<see cref="Rules.ScopeAssessment"/>).
/// </summary>
public sealed record RequestScope(IReadOnlyList<string>? Identifiers = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>The widest scope: every record the holder keeps, on the items' own identifiers. What "ask for everything" sends.</summary>
    public static readonly RequestScope Everything = new();

    public string Describe()
    {
        var window = (From, To) switch
        {
            (null, null) => "every record held",
            ({ } f, null) => $"records from {Journal.JournalJson.Instant(f)}",
            (null, { } t) => $"records up to {Journal.JournalJson.Instant(t)}",
            ({ } f, { } t) => $"records from {Journal.JournalJson.Instant(f)} to {Journal.JournalJson.Instant(t)}",
        };
        return Identifiers is { Count: > 0 } ids ? $"{window} of {string.Join(", ", ids)}" : window;
    }
}
