using Simulator.Core.Decisions;
using Simulator.Core.Journal;

namespace Simulator.Core.Tests.Engine;

/// <summary>The trainer ends an exercise: the journal says so and why, the ratings are final, and nothing more is taken.</summary>
public sealed class EndExerciseTests
{
    [Fact]
    public void Ending_rates_the_objectives_journals_the_reason_and_refuses_what_comes_after()
    {
        var s = TestWorlds.Investigating("AL/contact-point");
        var result = s.Decide(new EndExercise("the hot wash starts"));
        Assert.True(result.Accepted, result.Message);
        Assert.True(s.Ended);
        var ended = Assert.IsType<ExerciseEnded>(s.Journal.Entries[^1].Event);
        Assert.Equal("ended by the trainer: the hot wash starts", ended.Reason);
        Assert.Contains(s.Journal.Entries, e => e.Event is ObjectiveRated);

        var length = s.Journal.Entries.Count;
        Assert.False(s.Decide(new EndExercise()).Accepted); // once
        Assert.False(s.Decide(new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Accepted);
        s.RunUntil(s.World.End); // nothing falls due any more
        Assert.Equal(length, s.Journal.Entries.Count);
    }

    [Fact]
    public void An_ended_exercise_replays_to_the_same_journal_and_the_decision_keeps_its_one_name()
    {
        var s = TestWorlds.Investigating("AL/contact-point");
        var end = new RecordedDecision(1, "end", s.Now, new EndExercise());
        Assert.True(s.DecideAt(end.At, end.Decision).Accepted);

        var again = TestWorlds.Start(humanSeats: "AL/contact-point");
        DecisionReplay.Play(again, [end]);
        Assert.Equal(s.Journal.LastHash, again.Journal.LastHash);
        Assert.Contains("\"type\":\"end-exercise\"", DecisionCodec.Write(end.Decision));
    }
}
