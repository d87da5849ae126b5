using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;

namespace Simulator.Core.Engine;

/// <summary>
/// The reviewing officer's checklist (<see cref="ReviewCheck"/>), when an answer comes with one: it must agree with the
/// answer, and it is recorded beside it with each confirmation the facts do not support.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>The checks a review of <paramref name="r"/> must confirm before approving: dual criminality only where a ground for its lack is open to the requested state.</summary>
    public IReadOnlyList<ReviewCheck> ChecksFor(RequestRecord r)
    {
        var checks = new List<ReviewCheck>();
        if (GroundsOpenToReviewer(r).Any(g => OnDualCriminality(g.When))) checks.Add(ReviewCheck.DualCriminality);
        checks.AddRange([ReviewCheck.Complete, ReviewCheck.Proportionate, ReviewCheck.NoGround]);
        return checks;
    }

    /// <summary>Why the answer contradicts its checklist, or null: an approval with a check not confirmed, a refusal on a ground the reviewer confirmed does not apply.</summary>
    private string? ChecklistProblem(RequestRecord r, AnswerRequest command, RefusalGround? ground)
    {
        if (command.Confirmed is not { } confirmed) return null;
        switch (command.Answer)
        {
            case Answer.Approve:
                var missing = ChecksFor(r).Where(c => !confirmed.Contains(c)).ToList();
                return missing.Count == 0 ? null
                    : $"you have not confirmed {string.Join(", ", missing.Select(Names.Kebab))}: confirm each check before approving {r.Id}, ask for clarification where it is incomplete, or refuse it on a ground";
            case Answer.Narrow:
                // Narrowing is the answer to a request that is not proportionate as asked: every other check must hold.
                var unconfirmed = ChecksFor(r).Where(c => c != ReviewCheck.Proportionate && !confirmed.Contains(c)).ToList();
                return unconfirmed.Count == 0 ? null
                    : $"you have not confirmed {string.Join(", ", unconfirmed.Select(Names.Kebab))}: confirm each check but proportionality before narrowing {r.Id}";
            case Answer.Refuse when confirmed.Contains(ReviewCheck.NoGround):
                return $"you confirmed that no refusal ground applies: untick it to refuse {r.Id} on '{ground?.Id}'";
            case Answer.Refuse when ground is not null && OnDualCriminality(ground.When) && confirmed.Contains(ReviewCheck.DualCriminality):
                return $"you confirmed dual criminality: untick it to refuse {r.Id} for its lack";
            case Answer.Refuse when ground is { When: RefusalCondition.OverBroad } && confirmed.Contains(ReviewCheck.Proportionate):
                return $"you confirmed it proportionate: untick it to refuse {r.Id} as beyond what its facts support";
            default:
                return null;
        }
    }

    /// <summary>The grounds the dual-criminality check answers: the conduct no offence in the requested state, anywhere or where it was committed there (Directive 2014/41/EU Art. 11(1)(e)).</summary>
    private static bool OnDualCriminality(RefusalCondition when) => when is RefusalCondition.OffenceNotCriminalised or RefusalCondition.OffenceOnItsTerritoryNotCriminalised;

    /// <summary>Records the checklist given with an answer: what was confirmed, what not, and what the facts contradict.</summary>
    private void RecordReview(RequestRecord r, AnswerRequest command)
    {
        if (command.Confirmed is not { } confirmed) return;
        var issuer = World.Jurisdiction(r.Issuer);
        var reviewer = World.Jurisdiction(r.RequestedState);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        var holding = GroundsOpenToReviewer(r).Where(g => GroundHolds(r, g, issuer, reviewer, offence)).ToList();
        var unsupported = new List<string>();
        if (confirmed.Contains(ReviewCheck.DualCriminality) && holding.FirstOrDefault(g => OnDualCriminality(g.When)) is { } dual)
            unsupported.Add($"dual-criminality: none of the conduct is an offence in {reviewer.Id} ({dual.Source})");
        if (confirmed.Contains(ReviewCheck.Proportionate) && r.Assessment.OverBroad)
            unsupported.Add($"proportionate: it asks beyond what the facts support ({string.Join("; ", r.Assessment.Excess)})");
        if (confirmed.Contains(ReviewCheck.NoGround) && holding.Count > 0)
            unsupported.Add($"no-ground: {string.Join(", ", holding.Select(g => $"{g.Id} ({g.Source})"))} holds on the facts");
        var given = confirmed.Distinct().Order().ToList();
        Record(new ReviewRecorded(r.Id, command.Actor, Names.Kebab(command.Answer),
            given.Select(Names.Kebab).ToList(), ChecksFor(r).Except(given).Select(Names.Kebab).ToList(), unsupported));
    }
}
