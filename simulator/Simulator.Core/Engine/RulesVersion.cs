namespace Simulator.Core.Engine;

/// <summary>
/// The version of the engine's rules of play: how the core turns a scenario, a catalogue, a seed and decisions into
/// a journal. Exercises and records keep the version they were made under (beside the scenario and catalogue text),
/// so that a rebuild or replay under other rules that departs from what was stored says so, and from which event,
/// instead of rewriting what happened. Raise it with every change that makes an existing journal come out
/// differently: the pinned journals test (tests/Simulator.Scenarios.Tests/PinnedJournalTests.cs) fails until it is.
/// </summary>
public static class RulesVersion
{
    public const string Current = "2026.12.1";
}
