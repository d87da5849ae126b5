namespace Simulator.Planning.Overlays;

/// <summary>
/// The kinds of change an overlay can make, each named by its action key, with the fields it needs and the ones it
/// may set. A change sets exactly one action key; the loader checks the rest against this table.
/// </summary>
public static class ChangeKinds
{
    public sealed record Kind(string Key, string Says, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, bool NeedsOneOptional = false);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("join", "states become party to a framework", ["states"], []),
        new("leave", "states stop being party to a framework", ["states"], []),
        new("agreement", "two states conclude a bilateral agreement", ["between"], ["source"]),
        new("retention", "a provider keeps data longer or shorter", ["provider", "categories"], []),
        new("central-authority", "a central authority's staff or queue changes", [], ["officers", "queue-wait"], NeedsOneOptional: true),
        new("contact-point", "a 24/7 contact point's staffing changes", [], ["staffing", "officers"], NeedsOneOptional: true),
        new("capability", "states' authorities work faster or slower", ["states"], []),
        new("instrument", "a catalogue instrument's figures change", [], ["response-deadline", "emergency-deadline", "preservation-period", "preservation-extension", "review"], NeedsOneOptional: true),
        // Last: `provider` is also a field of `retention`; it is the action only when no other action key is set.
        new("provider", "a provider's handling changes", [], ["capacity", "response-time", "preservation-time", "voluntary-preservation", "emergency-disclosure-rate", "foreign-order-compliance-rate"], NeedsOneOptional: true),
    ];

    /// <summary>Keys any change may carry.</summary>
    public static readonly IReadOnlyList<string> Common = ["why"];
}
