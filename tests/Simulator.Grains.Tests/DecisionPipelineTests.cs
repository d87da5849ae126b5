using Microsoft.Data.Sqlite;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

/// <summary>
/// A decision in one shape from the grain to the store and back: taken once whatever the retries, stored with the
/// journal mark it left, and checked against that mark when the exercise is rebuilt.
/// </summary>
public sealed class DecisionPipelineTests(ClusterFixture f) : IClassFixture<ClusterFixture>
{
    private async Task<(IExerciseGrain Grain, ExerciseCreated Created)> NewExercise(params string[] seats)
    {
        var grain = f.Client.GetGrain<IExerciseGrain>(Credentials.NewExerciseId());
        return (grain, await grain.Create(new CreateExercise("hospital-ransomware", 4, "preserve-then-mla", 3600, seats), ClusterFixture.ScenarioText()));
    }

    private static string Code(ExerciseCreated e, string seat) => e.Seats.Single(s => s.Seat == seat).Code;

    private IExerciseStore Store() => new SqliteExerciseStore(Path.Combine(f.DataFolder, "test.db"), f.Secrets);

    private async Task Reactivate(IExerciseGrain grain)
    {
        await f.Cluster.DeactivateAsync((Orleans.Runtime.IAddressable)grain);
        await f.Cluster.WaitForDeactivationAsync((Orleans.Runtime.IAddressable)grain);
    }

    [Fact]
    public async Task A_decision_retried_with_its_id_is_taken_once_and_answered_as_the_first_time_even_after_a_restart()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(13)));
        var send = new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]);
        var first = await grain.Decide(Code(ex, "AL/contact-point"), "call-1", send);
        Assert.True(first.Accepted, first.Message);
        Assert.Equal(first, await grain.Decide(Code(ex, "AL/contact-point"), "call-1", send));
        await Reactivate(grain);
        Assert.Equal(first, await grain.Decide(Code(ex, "AL/contact-point"), "call-1", send));

        var stored = await Store().DecisionsAsync(ex.ExerciseId);
        var only = Assert.Single(stored);
        Assert.Equal(("call-1", send.Describe()), (only.Id, only.Decision.Describe()));
        Assert.NotNull(only.After);
        // The store refuses the same id too, should a second writer ever get past the grain.
        await Assert.ThrowsAsync<DuplicateDecisionException>(() => Store().AppendDecisionAsync(ex.ExerciseId, only with { Sequence = 2 }));
    }

    [Fact]
    public async Task What_an_approval_makes_due_happens_with_it_so_a_refused_call_after_it_moves_nothing()
    {
        var (grain, ex) = await NewExercise("AL/contact-point", "BE/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(13)));
        Assert.True((await grain.Decide(Code(ex, "AL/contact-point"), "send", new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]))).Accepted);
        // Belmark's contact point approves the preservation as soon as it is theirs to review.
        var approve = new AnswerRequest("BE/contact-point", "req-004", Answer.Approve);
        DecisionResult approved = DecisionResult.Rejected("never under review");
        for (var step = 0; step < 100 && !approved.Accepted; step++)
        {
            await grain.Control(ex.TrainerKey, new ClockControl("jump-next"));
            approved = await grain.Decide(Code(ex, "BE/contact-point"), $"approve-{step}", approve);
        }
        Assert.True(approved.Accepted, approved.Message);
        // Its execution began now, with it: nothing is left due at this instant.
        var after = await grain.Clock();
        Assert.True(after.NextEventAt > after.Now, $"next event {after.NextEventAt:O} at now {after.Now:O}");
        var journal = (await grain.View(ex.TrainerKey)).LastSequence;

        var refused = await grain.Decide(Code(ex, "BE/contact-point"), "refused", new AnswerRequest("BE/contact-point", "req-999", Answer.Approve));
        Assert.False(refused.Accepted);
        Assert.Equal(after, await grain.Clock());
        Assert.Equal(journal, (await grain.View(ex.TrainerKey)).LastSequence);

        // Rebuilt from its stored decisions, the exercise reaches the same journal.
        await Reactivate(grain);
        Assert.Null((await grain.View(ex.TrainerKey)).Divergence);
        Assert.Equal(journal, (await grain.View(ex.TrainerKey)).LastSequence);
        Assert.Equal(after, await grain.Clock()); // nothing left pending at the instant it stands at
        Assert.False((await grain.Decide(Code(ex, "BE/contact-point"), "refused-again", new AnswerRequest("BE/contact-point", "req-999", Answer.Approve))).Accepted);
        Assert.Equal(after, await grain.Clock());
    }

    [Fact]
    public async Task A_seat_decides_only_for_itself_and_the_trainer_only_for_the_trainer()
    {
        var (grain, ex) = await NewExercise("AL/contact-point", "AL/prosecutor");
        var forAnother = await grain.Decide(Code(ex, "AL/contact-point"), "x1", new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"]));
        Assert.Equal("AL/contact-point may not decide for AL/prosecutor", forAnother.Message);
        Assert.Equal("only the trainer fires injects", (await grain.Decide(Code(ex, "AL/contact-point"), "x2", new FireInject("judge-on-call"))).Message);
        Assert.Equal("observers may not act", (await grain.Decide(ex.ObserverCode, "x3", new WithdrawRequest("AL/contact-point", "req-001"))).Message);
        Assert.Equal("the trainer drives the exercise but does not act for a seat", (await grain.Decide(ex.TrainerKey, "x4", new WithdrawRequest("AL/contact-point", "req-001"))).Message);
        await Assert.ThrowsAsync<ExerciseException>(() => grain.Decide(ex.TrainerKey, "", new FireInject("judge-on-call")));
        Assert.Empty(await Store().DecisionsAsync(ex.ExerciseId));
    }

    [Fact]
    public async Task An_exercise_that_no_longer_rebuilds_to_its_stored_marks_says_from_where_and_is_held_as_it_was()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(13)));
        Assert.True((await grain.Decide(Code(ex, "AL/contact-point"), "d1", new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]))).Accepted);
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(1)));
        Assert.True((await grain.Decide(ex.TrainerKey, "d2", new FireInject("judge-on-call"))).Accepted);
        var marks = (await Store().DecisionsAsync(ex.ExerciseId)).Select(d => d.After!).ToList();

        // As a later rules change would: the journal the second decision left is no longer the one stored beside it.
        using (var db = new SqliteConnection($"Data Source={Path.Combine(f.DataFolder, "test.db")}"))
        {
            db.Open();
            using var edit = db.CreateCommand();
            edit.CommandText = "UPDATE commands SET journal_head = $head, journal_events = journal_events + 1 WHERE exercise_id = $id AND decision_id = 'd2'";
            edit.Parameters.AddWithValue("$head", new string('0', 64));
            edit.Parameters.AddWithValue("$id", ex.ExerciseId);
            Assert.Equal(1, edit.ExecuteNonQuery());
        }
        await Reactivate(grain);

        var divergence = (await grain.View(ex.TrainerKey)).Divergence;
        Assert.NotNull(divergence);
        Assert.Contains($"the journal departs from the stored one after event {marks[0].Events}: decision 2 (trainer fires inject judge-on-call", divergence);
        Assert.Contains($"made under rules version {RulesVersion.Current}", divergence);
        var refused = await grain.Decide(Code(ex, "AL/contact-point"), "d3", new WithdrawRequest("AL/contact-point", "req-001"));
        Assert.False(refused.Accepted);
        Assert.Equal(divergence, refused.Message);
        await Assert.ThrowsAsync<ExerciseException>(() => grain.Control(ex.TrainerKey, new ClockControl("start")));
        Assert.Equal(2, (await Store().DecisionsAsync(ex.ExerciseId)).Count); // nothing was rewritten or added
    }
}
