using Simulator.Core.Decisions;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;

namespace Simulator.Grains.Tests;

public sealed class ExerciseGrainTests(ClusterFixture f) : IClassFixture<ClusterFixture>
{
    private async Task<(IExerciseGrain Grain, ExerciseCreated Created)> NewExercise(params string[] seats)
    {
        var id = Credentials.NewExerciseId();
        var grain = f.Client.GetGrain<IExerciseGrain>(id);
        var created = await grain.Create(new CreateExercise("hospital-ransomware", 4, "preserve-then-mla", 3600, seats), ClusterFixture.ScenarioText());
        return (grain, created);
    }

    private static string Code(ExerciseCreated e, string seat) => e.Seats.Single(s => s.Seat == seat).Code;
    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A web server's observer, as the tests see it: the views it was sent, by audience.</summary>
    private sealed class ViewRecorder : IExerciseObserver
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<IReadOnlyDictionary<string, ConsoleView>> Views = new();
        public Task OnEvents(string exerciseId, IReadOnlyList<LiveEvent> events, ClockState clock) => Task.CompletedTask;
        public Task OnViews(string exerciseId, IReadOnlyDictionary<string, ConsoleView> views, ClockState clock, long lastSequence)
        {
            Views.Enqueue(views);
            return Task.CompletedTask;
        }
        public Task OnEntitiesRecorded(string exerciseId, IReadOnlyList<string> audiences) => Task.CompletedTask;
        public readonly System.Collections.Concurrent.ConcurrentQueue<(IReadOnlyList<string> Tokens, bool Expired)> AccessEnded = new();
        public Task OnAccessEnded(string exerciseId, IReadOnlyList<string> tokenIds, bool expired)
        {
            AccessEnded.Enqueue((tokenIds, expired));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Views_are_computed_only_for_the_audiences_a_server_has_consoles_for()
    {
        var (grain, ex) = await NewExercise("AL/contact-point", "BE/contact-point");
        var recorder = new ViewRecorder();
        var reference = f.Client.CreateObjectReference<IExerciseObserver>(recorder);
        await grain.Subscribe(reference, [Audience.Trainer, Audience.Seat("AL/contact-point")]);
        var start = (await grain.Clock()).Start;
        // A step every audience hears of (the day's injects and retention go to AL and BE, and all of it to observers).
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(2)));
        f.Time.Advance(ExerciseGrain.AfterStepDelay); // the views' timer
        await grain.Clock(); // the timer does not interleave: once this answers, its views are sent
        for (var i = 0; i < 100 && recorder.Views.IsEmpty; i++) await Task.Delay(10); // the one-way message's delivery
        var sent = Assert.Single(recorder.Views);
        Assert.Equal([Audience.Seat("AL/contact-point"), Audience.Trainer], sent.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<Overview>(sent[Audience.Trainer]);
        var seatView = Assert.IsType<StateView>(sent[Audience.Seat("AL/contact-point")]);
        Assert.Equal(("AL", "AL/contact-point"), (seatView.Jurisdiction, seatView.Seat));
        await grain.Unsubscribe(reference);
    }

    [Fact]
    public async Task A_token_past_its_time_opens_nothing_and_the_access_sweep_ends_it_on_the_consoles()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var recorder = new ViewRecorder();
        var reference = f.Client.CreateObjectReference<IExerciseObserver>(recorder);
        await grain.Subscribe(reference, [Audience.Seat("AL/contact-point")]);
        var token = await grain.Admit(Code(ex, "AL/contact-point"), "Ana");
        Assert.Equal("AL/contact-point", (await grain.Identify(token.Token)).Seat);
        Assert.Equal(f.Time.GetUtcNow() + AccessSettings.Default.TokenLifetime, token.ExpiresAt);

        f.Time.Advance(AccessSettings.Default.TokenLifetime);
        var refused = await Assert.ThrowsAsync<ExerciseException>(() => grain.Identify(token.Token));
        Assert.Contains("access has expired", refused.Message);
        f.Time.Advance(ExerciseGrain.AccessSweepPeriod); // the sweep's timer
        await grain.Clock(); // the timer does not interleave: once this answers, the sweep has run
        for (var i = 0; i < 100 && recorder.AccessEnded.IsEmpty; i++) await Task.Delay(10); // the one-way message's delivery
        var ended = Assert.Single(recorder.AccessEnded);
        Assert.Equal(token.Id, Assert.Single(ended.Tokens));
        Assert.True(ended.Expired);
        // The code still opens the exercise, and gives a new token.
        Assert.NotEqual(token.Token, (await grain.Admit(Code(ex, "AL/contact-point"), "Ana")).Token);
        await grain.Unsubscribe(reference);
    }

    [Fact]
    public async Task Views_advice_checks_and_outcomes_cross_the_grain_call_as_typed_records()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var seat = Code(ex, "AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(13)));
        var particulars = new Simulator.Core.Engine.RequestParticulars("computer sabotage", "ransomware at the hospital", "the C2 logs identify the operators", "the hoster reimages on day 10");
        var send = new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"], Particulars: particulars);

        var check = await grain.CheckRequest(seat, send);
        Assert.True(check.CanSend, string.Join("; ", check.Problems));
        Assert.NotEmpty(check.Conditions);
        var advice = await grain.Advise(seat, ["c2-flow-logs"], emergency: false);
        Assert.Contains(advice, a => a.Instrument == "budapest-art29-preservation" && a.MayIssue);
        Assert.True((await grain.Decide(seat, NewId(), send)).Accepted);

        // The seat's view carries the request with its particulars (a core record, through the core types' codec).
        var view = Assert.IsType<StateView>((await grain.View(seat)).View);
        Assert.Equal("AL/contact-point", view.Seat);
        Assert.Equal(particulars, Assert.Single(view.Outgoing, r => r.Issuer == "AL/contact-point").Particulars);
        var overview = Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View);
        Assert.Contains(overview.Requests, r => r.Issuer == "AL/contact-point" && r.Particulars == particulars);
        Assert.Equal("hospital-ransomware", (await grain.Outcome()).Scenario);
    }

    [Fact]
    public async Task A_deactivated_exercise_comes_back_with_the_same_journal_and_clock()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(7)));
        var sent = await grain.Decide(Code(ex, "AL/contact-point"), NewId(), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]));
        Assert.True(sent.Accepted, sent.Message);
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(3)));
        var journal = await grain.JournalText();
        var clock = await grain.Clock();

        await f.Cluster.DeactivateAsync((Orleans.Runtime.IAddressable)grain);
        await f.Cluster.WaitForDeactivationAsync((Orleans.Runtime.IAddressable)grain);

        Assert.Equal(clock.Now, (await grain.Clock()).Now);
        Assert.Equal(journal, await grain.JournalText());
        var view = Assert.IsType<StateView>((await grain.View(Code(ex, "AL/contact-point"))).View);
        Assert.Contains(view.Outgoing, r => r.Request == sent.Request);
    }

    [Fact]
    public async Task The_live_clock_runs_on_grain_timers_at_the_trainers_speed()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("speed", Speed: 3600));
        await grain.Control(ex.TrainerKey, new ClockControl("start"));
        // Time stands still until the test moves it: no tick has moved the clock.
        Assert.Equal(start, (await grain.Clock()).Now);
        // Ten seconds at one simulated hour per real second: the tick the timer fires on the way moves ten hours
        // (the timer does not interleave with calls, so the next call sees it).
        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromHours(10), (await grain.Clock()).Now - start);
        var paused = await grain.Control(ex.TrainerKey, new ClockControl("pause"));
        Assert.Equal(TimeSpan.FromHours(10), paused.Now - start);
        // Paused: thirty more seconds fire no tick that moves it.
        f.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(paused.Now, (await grain.Clock()).Now);
    }

    [Fact]
    public async Task Timed_and_conditional_injects_fire_on_the_simulated_clock_and_the_trainer_fires_one_on_demand()
    {
        // Every office of Aldoria held by trainees who do nothing: no request reaches Hostbay, so its purge inject fires.
        var (grain, ex) = await NewExercise("AL/investigator", "AL/prosecutor", "AL/judge", "AL/contact-point", "AL/central-authority");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(4)));
        var events = await grain.Journal(ex.TrainerKey, 0, 5000);
        Assert.Contains(events, e => e.Type == "InjectDelivered" && e.Data.Contains("\"inject\":\"hospital-report\""));
        Assert.Contains(events, e => e.Type == "InjectDelivered" && e.Data.Contains("hoster-reimages"));
        Assert.Contains(events, e => e.Type == "EvidenceLost" && e.Data.Contains("deleted its data"));

        var pending = Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View).Injects.First(i => i.Status == "pending").Inject;
        var fired = await grain.Decide(ex.TrainerKey, NewId(), new FireInject(pending));
        Assert.True(fired.Accepted, fired.Message);
        // The MSEL says when it actually came (now, on demand), beside when it was planned.
        var line = Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View).Injects.Single(i => i.Inject == pending);
        Assert.Equal(("delivered", start.AddDays(4)), (line.Status, line.HappenedAt));
        Assert.NotEqual(line.At, line.HappenedAt);
        Assert.Contains(Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View).Injects,
            i => i.Inject == "hospital-report" && i.HappenedAt == i.At); // a timed inject came when planned
        Assert.False((await grain.Decide(ex.TrainerKey, NewId(), new FireInject(pending))).Accepted);
        Assert.False((await grain.Decide(Code(ex, "AL/contact-point"), NewId(), new FireInject(pending))).Accepted);
    }

    [Fact]
    public async Task Observers_do_not_see_the_expected_actions_the_trainer_sees()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(1)));
        var trainer = await grain.Journal(ex.TrainerKey, 0, 5000);
        var observer = await grain.Journal(ex.ObserverCode, 0, 5000);
        Assert.Contains(trainer, e => e.Type == "InjectDelivered" && e.Data.Contains("expectedAction"));
        Assert.DoesNotContain(observer, e => e.Data.Contains("expectedAction"));
        var observed = Assert.IsType<Overview>((await grain.View(ex.ObserverCode)).View);
        Assert.All(observed.Injects, i => Assert.Null(i.ExpectedAction));
        Assert.Contains(Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View).Injects, i => i.ExpectedAction is not null);
    }

    [Fact]
    public async Task Unknown_credentials_and_a_second_create_are_refused()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        await Assert.ThrowsAsync<ExerciseException>(() => grain.View("NOPE"));
        await Assert.ThrowsAsync<ExerciseException>(() => grain.Create(new CreateExercise("hospital-ransomware", 1, "mla-only", 60, []), ClusterFixture.ScenarioText()));
        var other = f.Client.GetGrain<IExerciseGrain>(Credentials.NewExerciseId());
        await Assert.ThrowsAsync<ExerciseException>(() => other.Create(new CreateExercise("hospital-ransomware", 1, "mla-only", 60, ["ZZ/judge"]), ClusterFixture.ScenarioText()));
        await Assert.ThrowsAsync<ExerciseException>(() => other.Clock());
    }

    [Fact]
    public async Task An_edited_inject_survives_deactivation()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var start = (await grain.Clock()).Start;
        var edited = await grain.Decide(ex.TrainerKey, NewId(), new EditInject("hoster-reimages", start.AddDays(10), "Hostbay reimages on day 10"));
        Assert.True(edited.Accepted, edited.Message);
        Assert.False((await grain.Decide(Code(ex, "AL/contact-point"), NewId(), new EditInject("hoster-reimages", Title: "x"))).Accepted);
        await f.Cluster.DeactivateAsync((Orleans.Runtime.IAddressable)grain);
        await f.Cluster.WaitForDeactivationAsync((Orleans.Runtime.IAddressable)grain);
        var msel = Assert.IsType<Overview>((await grain.View(ex.TrainerKey)).View).Injects.Single(i => i.Inject == "hoster-reimages");
        Assert.Equal("Hostbay reimages on day 10", msel.Title);
        Assert.Equal(start.AddDays(10), msel.At);
    }

    [Fact]
    public async Task An_exercise_that_reached_its_horizon_is_still_ended_after_reactivation()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var clock = await grain.Clock();
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: clock.End.AddMinutes(-1)));
        await grain.Control(ex.TrainerKey, new ClockControl("speed", Speed: 3600));
        await grain.Control(ex.TrainerKey, new ClockControl("start"));
        f.Time.Advance(TimeSpan.FromSeconds(1)); // a tick on the way reaches the horizon
        var after = await grain.Clock();
        Assert.True(after.Ended, $"now {after.Now:O}, end {after.End:O}, running {after.Running}");
        var journal = await grain.JournalText();
        await f.Cluster.DeactivateAsync((Orleans.Runtime.IAddressable)grain);
        await f.Cluster.WaitForDeactivationAsync((Orleans.Runtime.IAddressable)grain);
        Assert.True((await grain.Clock()).Ended);
        Assert.Equal(journal, await grain.JournalText());
    }

    [Fact]
    public async Task Jumping_to_the_horizon_ends_the_exercise_and_then_nothing_more_is_accepted()
    {
        var (grain, ex) = await NewExercise("AL/contact-point");
        var clock = await grain.Clock();
        var ended = await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: clock.End));
        Assert.True(ended.Ended);
        Assert.False(ended.Running);
        var act = await grain.Decide(Code(ex, "AL/contact-point"), NewId(), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]));
        Assert.False(act.Accepted);
        Assert.Contains("ended", act.Message);
        await Assert.ThrowsAsync<ExerciseException>(() => grain.Control(ex.TrainerKey, new ClockControl("start")));
    }
}
