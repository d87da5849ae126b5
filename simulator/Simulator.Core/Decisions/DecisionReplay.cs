using Simulator.Core.Engine;

namespace Simulator.Core.Decisions;

/// <summary>A recorded decision played again, and what the engine said to it.</summary>
public sealed record PlayedDecision(RecordedDecision Recorded, DecisionResult Result);

/// <summary>
/// Where a replay first departed from what was stored: the decision after which the journal no longer matched its
/// stored mark, the last event both agree on (every event up to it is the same, by the hash chain), and the two marks.
/// </summary>
public sealed record Departure(RecordedDecision Decision, int AgreedThrough, JournalMark Stored, JournalMark Replayed)
{
    public string Describe() =>
        $"the journal departs from the stored one after event {AgreedThrough}: decision {Decision.Sequence} ({Decision}, at " +
        $"{Journal.JournalJson.Instant(Decision.At)}) left {Stored.Events} events (head {Stored.Head[..12]}...) when it was taken, and " +
        $"{Replayed.Events} (head {Replayed.Head[..12]}...) now";
}

/// <summary>How a branch changes a replay: what happens before each decision, which decisions are left out, and how a decision is found again in a changed world.</summary>
public sealed record ReplaySteps(
    Action<RecordedDecision>? Before = null,
    Func<RecordedDecision, bool>? Skip = null,
    Func<RecordedDecision, Simulation, (Decision? Decision, string? Missing)>? Translate = null);

/// <summary>The decisions as played, and where the journal first departed from the stored marks (null when it never did, or nothing was marked).</summary>
public sealed record ReplayedDecisions(IReadOnlyList<PlayedDecision> Decisions, Departure? Departure);

/// <summary>
/// Plays recorded decisions into a started simulation, each at its simulated time (<see cref="Simulation.DecideAt"/>):
/// the one loop behind an exercise's recovery after a restart (the exercise grain) and every replay and branch of a
/// record (Replayer), which must agree byte for byte. Where a decision carries the journal mark it left when it was
/// taken, the mark is checked, so that a rebuild under other rules says from where it departs.
/// </summary>
public static class DecisionReplay
{
    public static ReplayedDecisions Play(Simulation simulation, IEnumerable<RecordedDecision> decisions, ReplaySteps? steps = null)
    {
        var played = new List<PlayedDecision>();
        Departure? departure = null;
        var agreed = 0;
        var marking = steps?.Translate is null; // a translated decision lands in another world: its marks say nothing
        foreach (var d in decisions)
        {
            steps?.Before?.Invoke(d);
            if (steps?.Skip?.Invoke(d) == true) continue;
            simulation.RunUntil(d.At);
            var (decision, missing) = steps?.Translate is { } translate ? translate(d, simulation) : (d.Decision, null);
            var result = decision is null ? DecisionResult.Rejected(missing!) : simulation.DecideAt(d.At, decision);
            played.Add(new PlayedDecision(d, result));
            if (marking && d.After is { } stored && departure is null)
            {
                var now = new JournalMark(simulation.Journal.Entries.Count, simulation.Journal.LastHash);
                if (now == stored) agreed = now.Events;
                else departure = new Departure(d, agreed, stored, now);
            }
            // As the live exercise does after an accepted decision (after its mark): what it made due at its instant
            // happens with it. The next decision would run it first anyway, so the journal is the same; this leaves a
            // rebuild whose clock stands at the last decision with nothing pending, as the exercise was.
            if (result.Accepted) simulation.RunUntil(d.At);
        }
        return new ReplayedDecisions(played, departure);
    }
}
