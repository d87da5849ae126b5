using Simulator.Scenarios.Scenario;

namespace Simulator.Planning.Overlays;

/// <summary>One change as applied to a scenario: what it says, and the value before and after.</summary>
public sealed record AppliedChange(string Kind, string Change, string Before, string After, string? Why)
{
    public bool ChangesNothing => Before == After;
    public override string ToString() => ChangesNothing ? $"{Change}: no change ({Before})" : $"{Change}: {Before} -> {After}";
}

/// <summary>A scenario with an overlay applied: the changed scenario and what changed.</summary>
public sealed record AppliedOverlay(string Id, string Title, string? Description, LoadedScenario Scenario, IReadOnlyList<AppliedChange> Changes);
