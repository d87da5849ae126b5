using Simulator.Scenarios.Scenario;

namespace Simulator.Planning.Overlays;

/// <summary>One change as applied to a scenario: what it says, and the value before and after.</summary>
public sealed record AppliedChange(string Kind, string Change, string Before, string After, string? Why)
{
    public bool ChangesNothing => Before == After;
    public override string ToString() => ChangesNothing ? $"{Change}: no change ({Before})" : $"{Change}: {Before} -> {After}";
}

/// <summary>
/// A scenario with an overlay applied: the changed scenario and what changed. <see cref="Warnings"/>: the objectives
/// the change leaves impossible to meet (positioned in the overlay), which every run will rate unable to perform.
/// </summary>
public sealed record AppliedOverlay(string Id, string Title, string? Description, LoadedScenario Scenario, IReadOnlyList<AppliedChange> Changes,
    IReadOnlyList<Simulator.Scenarios.Diagnostics.Diagnostic>? Warnings = null);
