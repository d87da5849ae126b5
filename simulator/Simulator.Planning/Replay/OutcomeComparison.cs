using Simulator.Core.Engine;

namespace Simulator.Planning.Replay;

/// <summary>One evidence item in what happened and in the branch.</summary>
public sealed record ItemComparison(string Evidence, string Holder, string Happened, string HappenedReason, string Branch, string BranchReason)
{
    public bool Changed => Happened != Branch;
}

/// <summary>What happened in the recorded exercise against a branch of it: the summaries, and each item's fate in both.</summary>
public sealed record OutcomeComparison(OutcomeSummary Happened, OutcomeSummary Branch, IReadOnlyList<ItemComparison> Items)
{
    public static OutcomeComparison Between(SimulationOutcome happened, SimulationOutcome branch)
    {
        var after = branch.Evidence.ToDictionary(e => e.Evidence);
        var items = happened.Evidence.Select(e =>
        {
            var b = after.GetValueOrDefault(e.Evidence);
            return new ItemComparison(e.Evidence, e.Holder, e.Status, e.Reason, b?.Status ?? "absent", b?.Reason ?? "not in the branch's world");
        }).ToList();
        return new OutcomeComparison(happened.Summary, branch.Summary, items);
    }
}
