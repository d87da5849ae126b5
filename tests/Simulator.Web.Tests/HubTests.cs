using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Decisions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>A trainer and seats of two states in a live exercise, over real SignalR connections on loopback.</summary>
public sealed class HubTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<ExerciseCreated> CreateAsync(params string[] seats)
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 3, speed = 3600, seats });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
    }

    private static string Code(ExerciseCreated e, string seat) => e.Seats.Single(s => s.Seat == seat).Code;

    private static async Task<HubConnection> Join(LiveServer server, string code, List<LiveEvent>? inbox = null)
    {
        var c = await server.ConnectAsync();
        if (inbox is not null)
            c.On<string, List<LiveEvent>, ClockState>("Events", (_, events, _) => { lock (inbox) inbox.AddRange(events); });
        await c.InvokeAsync<JsonElement>("Join", code);
        return c;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), $"timed out waiting for {what}");
    }

    [Fact]
    public async Task A_preservation_request_goes_from_one_seat_to_the_other_and_back_live()
    {
        var ex = await CreateAsync("AL/contact-point", "AL/prosecutor", "BE/contact-point");
        var alInbox = new List<LiveEvent>();
        var beInbox = new List<LiveEvent>();
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var al = await Join(server, Code(ex, "AL/contact-point"), alInbox);
        await using var be = await Join(server, Code(ex, "BE/contact-point"), beInbox);

        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7)); // the hospital's report reveals the C2 server at 6h
        var sent = await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        var id = sent.Request!;

        // Jump event by event until the request waits for Belmark's contact point.
        for (var i = 0; i < 100; i++)
        {
            var view = await be.InvokeAsync<JsonElement>("GetView");
            var incoming = view.GetProperty("view").GetProperty("incoming").EnumerateArray().SingleOrDefault(r => r.GetProperty("request").GetString() == id);
            if (incoming.ValueKind != JsonValueKind.Undefined && incoming.GetProperty("state").GetString() == "under-review") break;
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
        }
        // The review's checklist is recorded with the answer and gates it: an approval needs each check confirmed.
        var unknown = await Assert.ThrowsAsync<HubException>(() => be.InvokeAsync<DecisionResult>("AnswerRequestWithChecklist", id, "approve", null, null, new[] { "looks-fine" }));
        Assert.Contains("checks: no check 'looks-fine'; the checks are dual-criminality, complete, proportionate, no-ground", unknown.Message);
        var unconfirmed = await Assert.ThrowsAsync<HubException>(() => be.InvokeAsync<DecisionResult>("AnswerRequestWithChecklist", id, "approve", null, null, new[] { "complete" }));
        Assert.Contains("refused: you have not confirmed", unconfirmed.Message);
        // A preservation under Art. 29 lets Belmark attach no condition on the use of what it gives; an unknown use is refused at the hub.
        var noUse = await Assert.ThrowsAsync<HubException>(() => be.InvokeAsync<DecisionResult>("AnswerRequestOnConditions", id, "approve", null, null,
            new[] { "dual-criminality", "complete", "proportionate", "no-ground" }, new[] { "anything" }));
        Assert.Contains("refused: conditions: no use 'anything'; the uses are other-investigation, onward-transfer", noUse.Message);
        var notOpen = await Assert.ThrowsAsync<HubException>(() => be.InvokeAsync<DecisionResult>("AnswerRequestOnConditions", id, "approve", null, null,
            new[] { "dual-criminality", "complete", "proportionate", "no-ground" }, new[] { "other-investigation" }));
        Assert.Contains("conditions: budapest-art29-preservation gives BE no power to make other-investigation a condition of giving the evidence; conditions open: none", notOpen.Message);
        var approved = await be.InvokeAsync<DecisionResult>("AnswerRequestWithChecklist", id, "approve", null, "preserved on receipt",
            new[] { "dual-criminality", "complete", "proportionate", "no-ground" });
        Assert.True(approved.Accepted, approved.Message);
        await Until(() => { lock (beInbox) return beInbox.Any(e => e.Type == "ReviewRecorded" && e.Data.Contains($"\"request\":\"{id}\"")); }, "Belmark to see its review recorded");
        await Until(() => { lock (alInbox) return alInbox.Any(e => e.Type == "RequestStateChanged" && e.Data.Contains($"\"request\":\"{id}\"") && e.Data.Contains("\"to\":\"approved\"")); },
            "Aldoria to see Belmark's approval");
        // The checklist is journalled before the approval, and a connection keeps the order: Aldoria would have it by now.
        lock (alInbox) Assert.DoesNotContain(alInbox, e => e.Type == "ReviewRecorded"); // the reviewing office's own checklist
        lock (beInbox) Assert.Contains(beInbox, e => e.Type == "RequestDrafted" && e.Data.Contains(id));
    }

    [Fact]
    public async Task An_investigators_production_order_waits_for_the_prosecutor_seat_to_validate_it_and_only_a_validating_seat_may()
    {
        var ex = await CreateAsync("AL/investigator", "AL/prosecutor");
        var prosecutorInbox = new List<LiveEvent>();
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var investigator = await Join(server, Code(ex, "AL/investigator"));
        await using var prosecutor = await Join(server, Code(ex, "AL/prosecutor"), prosecutorInbox);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7)); // the hospital's report reveals the C2 domain at 6h

        var sent = await investigator.InvokeAsync<DecisionResult>("SendRequest", "eu-epoc", new[] { "domain-registrant" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        Assert.Contains("validated by the prosecutor or judge of AL before it is sent (REG Art. 4(1)(b)", sent.Message);
        var id = sent.Request!;
        var view = (await prosecutor.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray().Single(r => r.GetProperty("request").GetString() == id);
        Assert.Equal("awaiting-validation", view.GetProperty("state").GetString());
        Assert.Equal("awaiting", view.GetProperty("validation").GetProperty("status").GetString());
        Assert.Equal(["AL/prosecutor", "AL/judge"], view.GetProperty("validation").GetProperty("mayValidate").EnumerateArray().Select(v => v.GetString()));

        var notTheirs = await Assert.ThrowsAsync<HubException>(() => investigator.InvokeAsync<DecisionResult>("ValidateRequest", id, true, null));
        Assert.Contains("refused: AL/investigator may not validate", notTheirs.Message);
        var noReason = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<DecisionResult>("ValidateRequest", id, false, null));
        Assert.Contains("refused: note: give the reason", noReason.Message);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<DecisionResult>("ValidateRequest", id, false, new string('x', 1001)));
        Assert.Contains("note", tooLong.Message);
        var validated = await prosecutor.InvokeAsync<DecisionResult>("ValidateRequest", id, true, "conforms to Arts. 4 and 5");
        Assert.True(validated.Accepted, validated.Message);
        await Until(() => { lock (prosecutorInbox) return prosecutorInbox.Any(e => e.Type == "RequestValidated" && e.Data.Contains($"\"request\":\"{id}\"")); }, "the prosecutor to see its validation");
        var after = (await investigator.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray().Single(r => r.GetProperty("request").GetString() == id);
        Assert.Equal(("sent", "validated"), (after.GetProperty("state").GetString(), after.GetProperty("validation").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_judge_seat_is_the_court_that_reviews_an_addressees_objection_under_a_third_countrys_law_and_only_it_may()
    {
        var ex = await CreateAsync("AL/judge", "AL/prosecutor");
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var judge = await Join(server, Code(ex, "AL/judge"));
        await using var prosecutor = await Join(server, Code(ex, "AL/prosecutor"));
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(25)); // forensics reveals the Vaultloom bucket at 1d

        // Vaultloom is established in the United States, whose law bars it from divulging content (18 USC 2702(a)).
        var sent = await judge.InvokeAsync<DecisionResult>("SendRequest", "eu-epoc", new[] { "exfil-bucket-content" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        var id = sent.Request!;
        async Task<JsonElement> Order(HubConnection seat) =>
            (await seat.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray().Single(r => r.GetProperty("request").GetString() == id);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(14)); // the objection comes within 10 days of receipt
        var court = (await Order(judge)).GetProperty("court");
        Assert.Equal(("AL/judge", "awaiting", "US"), (court.GetProperty("court").GetString(), court.GetProperty("status").GetString(), court.GetProperty("thirdCountry").GetString()));
        Assert.Contains("the person whose data is sought is not a national or resident of, or located in, US", court.GetProperty("text").GetString());
        Assert.True(court.GetProperty("traineeDecides").GetBoolean());
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(90));
        Assert.Equal("awaiting", (await Order(judge)).GetProperty("court").GetProperty("status").GetString()); // the engine does not decide for the seated court

        var notTheirs = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<DecisionResult>("ReviewConflict", id, true, null));
        Assert.Contains("refused: AL/prosecutor may not review", notTheirs.Message);
        var noReason = await Assert.ThrowsAsync<HubException>(() => judge.InvokeAsync<DecisionResult>("ReviewConflict", id, false, null));
        Assert.Contains("refused: reason: give the court's reasons for lifting", noReason.Message);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => judge.InvokeAsync<DecisionResult>("ReviewConflict", id, false, new string('x', 1001)));
        Assert.Contains("reason", tooLong.Message);
        var upheld = await judge.InvokeAsync<DecisionResult>("ReviewConflict", id, true, "the suspect has no connection to the United States");
        Assert.True(upheld.Accepted, upheld.Message);
        Assert.Equal("upheld", (await Order(prosecutor)).GetProperty("court").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_enforcing_states_judge_seat_reviews_a_notified_order_and_raising_no_ground_lets_the_data_go_at_once()
    {
        var ex = await CreateAsync("AL/judge", "DR/judge", "DR/central-authority");
        var alInbox = new List<LiveEvent>();
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var judge = await Join(server, Code(ex, "AL/judge"), alInbox);
        await using var enforcing = await Join(server, Code(ex, "DR/judge"));
        await using var other = await Join(server, Code(ex, "DR/central-authority"));
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(73)); // the operators answer from a Postlane mailbox at 3d

        // Postlane's designated establishment is in Dravonia: an order for traffic data is notified to it (REG Art. 8(1)).
        var sent = await judge.InvokeAsync<DecisionResult>("SendRequest", "eu-epoc", new[] { "mailbox-headers" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        var id = sent.Request!;
        async Task<JsonElement> Incoming() =>
            (await enforcing.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("incoming").EnumerateArray().Single(r => r.GetProperty("request").GetString() == id);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(78));
        var notification = (await Incoming()).GetProperty("notification");
        Assert.Equal(("DR/judge", "open"), (notification.GetProperty("authority").GetString(), notification.GetProperty("status").GetString()));
        Assert.True(notification.GetProperty("traineeDecides").GetBoolean());
        Assert.Contains(notification.GetProperty("grounds").EnumerateArray(), g => g.GetProperty("id").GetString() == "immunities-privileges");
        var windowEnds = notification.GetProperty("windowEnds").GetDateTimeOffset();

        var notTheirs = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<DecisionResult>("ReviewNotification", id, null, null));
        Assert.Contains("refused: DR/central-authority may not review", notTheirs.Message);
        var unknown = await Assert.ThrowsAsync<HubException>(() => enforcing.InvokeAsync<DecisionResult>("ReviewNotification", id, "political-offence", null));
        Assert.Contains("refused: ground: 'political-offence' is not a ground the enforcing state may raise", unknown.Message);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => enforcing.InvokeAsync<DecisionResult>("ReviewNotification", id, null, new string('x', 1001)));
        Assert.Contains("reason", tooLong.Message);
        var cleared = await enforcing.InvokeAsync<DecisionResult>("ReviewNotification", id, null, "no immunity or Charter concern");
        Assert.True(cleared.Accepted, cleared.Message);
        await Until(() => { lock (alInbox) return alInbox.Any(e => e.Type == "NoGroundRaised" && e.Data.Contains($"\"request\":\"{id}\"")); }, "the issuing judge to hear that no ground is raised");
        Assert.Equal("no-ground", (await Incoming()).GetProperty("notification").GetProperty("status").GetString());

        await trainer.InvokeAsync<ClockState>("JumpTo", windowEnds.AddDays(2));
        var order = (await judge.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray().Single(r => r.GetProperty("request").GetString() == id);
        var fate = order.GetProperty("fates").EnumerateArray().Single();
        Assert.True(fate.GetProperty("fate").GetString() == "in-locker", order.ToString());
        // Delivered as soon as it was produced, not held for the 10 days (REG Art. 10(2)).
        Assert.True(fate.GetProperty("at").GetDateTimeOffset() < windowEnds, $"secured at {fate.GetProperty("at")}, the window ended {windowEnds}");
    }

    [Fact]
    public async Task An_event_reaches_a_client_with_its_data_as_an_object_not_as_json_text()
    {
        var ex = await CreateAsync("AL/contact-point");
        var pushed = new List<JsonElement>();
        await using var trainer = await server.ConnectAsync();
        trainer.On<string, JsonElement, JsonElement>("Events", (_, events, _) => { lock (pushed) pushed.AddRange(events.EnumerateArray().Select(e => e.Clone())); });
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));

        await Until(() => { lock (pushed) return pushed.Any(e => e.GetProperty("type").GetString() == "LeadDiscovered"); }, "a lead pushed live");
        lock (pushed)
        {
            var lead = pushed.First(e => e.GetProperty("type").GetString() == "LeadDiscovered").GetProperty("data");
            Assert.Equal(JsonValueKind.Object, lead.ValueKind);
            Assert.False(string.IsNullOrEmpty(lead.GetProperty("lead").GetString()));
        }
        var journal = await trainer.InvokeAsync<JsonElement>("GetJournal", 0L, 1000);
        Assert.All(journal.EnumerateArray(), e => Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind));
        // A .NET client reading the contract's types still gets the data as its JSON text.
        var typed = await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 1000);
        Assert.StartsWith("{", typed[0].Data);
        Assert.Equal("hospital-ransomware", JsonDocument.Parse(typed[0].Data).RootElement.GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task Every_role_is_refused_what_it_may_not_do_and_nothing_changes()
    {
        var ex = await CreateAsync("AL/contact-point", "AL/prosecutor", "BE/contact-point");
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var al = await Join(server, Code(ex, "AL/contact-point"));
        await using var prosecutor = await Join(server, Code(ex, "AL/prosecutor"));
        await using var be = await Join(server, Code(ex, "BE/contact-point"));
        await using var observer = await Join(server, ex.ObserverCode);
        await using var stranger = await server.ConnectAsync();
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        var before = (await trainer.InvokeAsync<IReadOnlyList<LiveEvent>>("GetJournal", 0L, 5000)).Count;

        async Task Refused(HubConnection c, string method, params object?[] args)
        {
            var e = await Assert.ThrowsAsync<HubException>(() => c.InvokeCoreAsync<object>(method, args));
            Assert.Contains("refused", e.Message);
        }
        await Refused(observer, "SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        await Refused(observer, "StartClock");
        await Refused(al, "StartClock");
        await Refused(al, "FireInject", "press-inquiry");
        await Refused(be, "SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null); // not Belmark's incident
        await Refused(prosecutor, "SendRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, "DR"); // wrong requested state
        await Refused(trainer, "SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        await Refused(al, "AnswerRequest", "req-001", "approve", null, null);
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<DecisionResult>("Escalate", "req-001"));
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<JsonElement>("Join", "NOTACODE"));

        var after = (await trainer.InvokeAsync<IReadOnlyList<LiveEvent>>("GetJournal", 0L, 5000)).Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Two_exercises_run_side_by_side_without_seeing_each_other()
    {
        var one = await CreateAsync("AL/contact-point");
        var two = await CreateAsync("AL/contact-point");
        var inboxOne = new List<LiveEvent>();
        var inboxTwo = new List<LiveEvent>();
        var clocksTwo = new List<ClockState>();
        await using var trainerOne = await Join(server, one.TrainerKey);
        await using var trainerTwo = await Join(server, two.TrainerKey);
        await using var alOne = await Join(server, Code(one, "AL/contact-point"), inboxOne);
        await using var alTwo = await Join(server, Code(two, "AL/contact-point"), inboxTwo);
        alTwo.On<string, ClockState>("Clock", (_, clock) => { lock (clocksTwo) clocksTwo.Add(clock); });
        var start = (await trainerOne.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainerOne.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        Assert.True((await alOne.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null)).Accepted);
        // The request's events reached exercise one's seat; anything sent to exercise two's seat with them was sent
        // before exercise two's own clock message that follows, and SignalR keeps order on a connection.
        await Until(() => { lock (inboxOne) return inboxOne.Any(e => e.Type == "RequestDrafted"); }, "exercise one's seat to hear of its request");
        await trainerTwo.InvokeAsync<ClockState>("SetSpeed", 120.0);
        await Until(() => { lock (clocksTwo) return clocksTwo.Any(c => c.Speed == 120); }, "exercise two's seat to hear its own clock");
        lock (inboxTwo) Assert.DoesNotContain(inboxTwo, e => e.Type == "RequestDrafted");
        var clockTwo = (await alTwo.InvokeAsync<JsonElement>("GetView")).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
        Assert.True(clockTwo < start.AddHours(7));
    }

    [Fact]
    public async Task After_a_change_the_clock_travels_with_the_events_and_alone_to_those_without_events()
    {
        var ex = await CreateAsync("AL/contact-point", "BE/contact-point", "DR/judge");
        await using var trainer = await Join(server, ex.TrainerKey);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        var messages = new List<(string Seat, string Kind, DateTimeOffset Now)>();
        async Task<HubConnection> Listen(string seat)
        {
            var c = await server.ConnectAsync();
            c.On<string, List<LiveEvent>, ClockState>("Events", (_, _, clock) => { lock (messages) messages.Add((seat, "Events", clock.Now)); });
            c.On<string, ClockState>("Clock", (_, clock) => { lock (messages) messages.Add((seat, "Clock", clock.Now)); });
            await c.InvokeAsync<JsonElement>("Join", Code(ex, seat));
            return c;
        }
        await using var al = await Listen("AL/contact-point");
        await using var be = await Listen("BE/contact-point");
        await using var dr = await Listen("DR/judge");
        int Count(string seat, string kind) { lock (messages) return messages.Count(m => m.Seat == seat && m.Kind == kind); }

        // Aldoria's request to Belmark concerns those two (events with the clock); Dravonia gets the clock alone.
        var sent = await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        await Until(() => Count("AL/contact-point", "Events") == 1 && Count("BE/contact-point", "Events") == 1 && Count("DR/judge", "Clock") == 1,
            "the request's events to Aldoria and Belmark, the clock to Dravonia");
        // A refused action changes nothing: no message at all. The speed change after it is the sentinel: it brings no
        // events, so everyone gets the clock, and anything the refusal had sent would have come before it.
        await Assert.ThrowsAsync<HubException>(() => dr.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null));
        var changed = await trainer.InvokeAsync<ClockState>("SetSpeed", 60.0);
        await Until(() => Count("AL/contact-point", "Clock") == 1 && Count("BE/contact-point", "Clock") == 1 && Count("DR/judge", "Clock") == 2,
            "the clock of a change without events to every seat");
        lock (messages)
        {
            Assert.Equal(6, messages.Count); // the request's two Events and Dravonia's clock, then the speed's three clocks
            Assert.Equal(0, messages.Count(m => m.Seat == "DR/judge" && m.Kind == "Events"));
            Assert.Equal(2, messages.Count(m => m.Kind == "Events"));
            Assert.All(messages.Where(m => m.Kind == "Events"), m => Assert.Equal(start.AddHours(7), m.Now));
            // No separate clock message for the change that brought events, to those who got them.
            Assert.Equal(4, messages.Count(m => m.Kind == "Clock"));
            Assert.Single(messages, m => m.Seat == "AL/contact-point" && m.Kind == "Clock" && m.Now == changed.Now);
        }
    }

    [Fact]
    public async Task The_state_grains_announce_new_desks_to_those_who_may_read_them()
    {
        var ex = await CreateAsync("AL/contact-point", "BE/contact-point", "DR/judge");
        var announced = new Dictionary<string, int>();
        async Task<HubConnection> Listen(string who, string code)
        {
            var c = await server.ConnectAsync();
            c.On<string>("Entities", _ => { lock (announced) announced[who] = announced.GetValueOrDefault(who) + 1; });
            await c.InvokeAsync<JsonElement>("Join", code);
            return c;
        }
        await using var trainer = await Listen("trainer", ex.TrainerKey);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        var grain = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(ex.ExerciseId);
        await grain.RecordEntities(); // the jump's states are recorded and announced before the seats join
        await using var al = await Listen("AL", Code(ex, "AL/contact-point"));
        await using var dr = await Listen("DR", Code(ex, "DR/judge"));
        var clocks = new List<string>();
        dr.On<string, ClockState>("Clock", (_, _) => { lock (clocks) clocks.Add("DR"); });
        lock (announced) announced.Clear();

        var sent = await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        await Until(() => { lock (announced) return announced.ContainsKey("trainer") && announced.ContainsKey("AL"); }, "the trainer and Aldoria to hear of new desks");
        // Once announced, the desk holds the request: no polling needed.
        var desk = await al.InvokeAsync<JsonElement>("GetDesk", "AL");
        Assert.Contains(desk.GetProperty("sent").EnumerateArray(), r => r.GetProperty("request").GetString() == sent.Request);
        // Everything the request's recording announced is sent once RecordEntities returns; the speed's clock to
        // Dravonia comes after it on Dravonia's connection.
        await grain.RecordEntities();
        await trainer.InvokeAsync<ClockState>("SetSpeed", 90.0);
        await Until(() => { lock (clocks) return clocks.Count > 0; }, "Dravonia to hear the clock");
        lock (announced) Assert.False(announced.ContainsKey("DR"), "Dravonia's desk and investigation did not change");
    }

    [Fact]
    public async Task The_trainer_drives_the_clock_pause_speed_jump()
    {
        var ex = await CreateAsync("AL/contact-point");
        await using var trainer = await Join(server, ex.TrainerKey);
        var ticks = new List<ClockState>();
        await using var seat = await Join(server, Code(ex, "AL/contact-point"));
        seat.On<string, ClockState>("Clock", (_, clock) => { lock (ticks) ticks.Add(clock); });
        // A step that brought the seat events sends the clock with them, in Events, instead of a Clock message.
        seat.On<string, JsonElement, ClockState>("Events", (_, _, clock) => { lock (ticks) ticks.Add(clock); });
        var started = await trainer.InvokeAsync<ClockState>("StartClock");
        Assert.True(started.Running);
        var fast = await trainer.InvokeAsync<ClockState>("SetSpeed", 86400.0);
        Assert.Equal(86400, fast.Speed);
        // The clock runs on real time: wait until its ticks have carried it past the first six simulated hours.
        await Until(() => { lock (ticks) return ticks.Any(t => t.Running && t.Now > t.Start.AddHours(6)); }, "the running clock to pass six hours");
        var paused = await trainer.InvokeAsync<ClockState>("PauseClock");
        Assert.False(paused.Running);
        Assert.True(paused.Now > paused.Start.AddHours(6), $"one simulated day per second should have moved the clock; it is at {paused.Now:O}");
        await Until(() => { lock (ticks) return ticks.Any(t => t.Now == paused.Now && !t.Running); }, "the seat to see the paused clock");
        Assert.Equal(paused.Now, (await trainer.InvokeAsync<ClockState>("PauseClock")).Now);
        var jumped = await trainer.InvokeAsync<ClockState>("JumpTo", paused.Now.AddDays(30));
        Assert.Equal(paused.Now.AddDays(30), jumped.Now);
        await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<ClockState>("JumpTo", paused.Now));
        await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<ClockState>("SetSpeed", 0.0));
    }

    [Fact]
    public async Task The_api_lists_scenarios_and_guards_journals_with_the_key()
    {
        using var http = server.Http();
        var scenarios = await http.GetFromJsonAsync<JsonElement>("/api/scenarios");
        var reference = scenarios.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "hospital-ransomware");
        // Who may take an inject's expected action, by the catalogue's issuers of the instruments it expects.
        var report = reference.GetProperty("injects").EnumerateArray().Single(i => i.GetProperty("inject").GetString() == "hospital-report");
        Assert.Equal(["budapest-art29-preservation"], report.GetProperty("expects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AL/prosecutor", "AL/contact-point"], report.GetProperty("takers").EnumerateArray().Select(e => e.GetString()));
        // An investigator may issue a European order once its prosecutor or judge validates it (REG Art. 4(1)(b), 4(3)(b)): it takes the action too.
        var ransomNote = reference.GetProperty("injects").EnumerateArray().Single(i => i.GetProperty("inject").GetString() == "ransom-note");
        Assert.Equal(["AL/investigator", "AL/prosecutor", "AL/judge"], ransomNote.GetProperty("takers").EnumerateArray().Select(e => e.GetString()));
        var ex = await CreateAsync("AL/contact-point");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/exercises/{ex.ExerciseId}/journal")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/journal");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var journal = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
        var lines = journal.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(Simulator.Core.Journal.JournalVerifier.Verify(lines).Valid);
        // Observers read the outcome, not the journal: it holds the MSEL's sealed expected actions.
        var asObserver = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/journal");
        asObserver.Headers.Add("X-Exercise-Key", ex.ObserverCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(asObserver)).StatusCode);
        var outcome = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
        outcome.Headers.Add("X-Exercise-Key", ex.ObserverCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(outcome)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/exercises", new { scenario = "../etc/passwd" })).StatusCode);
        var openApi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/exercises", openApi);
        // A client written from the document alone knows the key header and what each call may answer.
        using var document = JsonDocument.Parse(openApi);
        var paths = document.RootElement.GetProperty("paths");
        var create = paths.GetProperty("/api/exercises").GetProperty("post").GetProperty("responses");
        Assert.True(create.TryGetProperty("201", out _) && create.TryGetProperty("400", out _) && create.TryGetProperty("404", out _));
        var journalGet = paths.GetProperty("/api/exercises/{id}/journal").GetProperty("get");
        Assert.Contains(journalGet.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Exercise-Key" && p.GetProperty("in").GetString() == "header");
        Assert.True(journalGet.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task A_connection_keeps_the_identity_it_joined_with()
    {
        var ex = await CreateAsync("AL/contact-point", "BE/contact-point");
        await using var c = await Join(server, Code(ex, "AL/contact-point"));
        var e = await Assert.ThrowsAsync<HubException>(() => c.InvokeAsync<JsonElement>("Join", Code(ex, "BE/contact-point")));
        Assert.Contains("already joined", e.Message);
        await using var observer = await Join(server, ex.ObserverCode);
        await Assert.ThrowsAsync<HubException>(() => observer.InvokeAsync<JsonElement>("Join", ex.TrainerKey));
        var view = await c.InvokeAsync<JsonElement>("GetView");
        Assert.Equal("AL/contact-point", view.GetProperty("identity").GetProperty("seat").GetString());
        // The identity is {exerciseId, role, seat}, as docs/hub.md says: the server's own helpers stay out of it.
        Assert.Equal(["exerciseId", "role", "seat"], view.GetProperty("identity").EnumerateObject().Select(p => p.Name));
        Assert.Equal("seat", view.GetProperty("identity").GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_lost_item_tells_the_seat_when_and_why_it_was_lost()
    {
        // Every Aldorian office is a trainee who does nothing: Hostbay reimages the C2 server on day 3.
        var ex = await CreateAsync("AL/investigator", "AL/prosecutor", "AL/judge", "AL/central-authority", "AL/contact-point");
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var seat = await Join(server, Code(ex, "AL/investigator"));
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        JsonElement Objective(JsonElement overview, string id) => overview.GetProperty("view").GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);
        // Before anything happened, nothing is rated: not "performed without challenges so far".
        var before = await trainer.InvokeAsync<JsonElement>("GetView");
        static string? Rating(JsonElement o) => o.TryGetProperty("rating", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        Assert.Null(Rating(Objective(before, "no-evidence-lost")));
        Assert.Null(Rating(Objective(before, "follow-the-path")));
        Assert.StartsWith("not yet possible", Objective(before, "follow-the-path").GetProperty("ratingEvidence").GetString());
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(4));
        var view = (await seat.InvokeAsync<JsonElement>("GetView")).GetProperty("view");
        var item = view.GetProperty("leads").EnumerateArray().SelectMany(l => l.GetProperty("evidence").EnumerateArray())
            .Single(e => e.GetProperty("evidence").GetString() == "c2-flow-logs");
        Assert.Equal("lost", item.GetProperty("status").GetString());
        Assert.Equal(start.AddDays(3), DateTimeOffset.Parse(item.GetProperty("lostAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("hostbay deleted its data (hoster-reimages)", item.GetProperty("lostReason").GetString());
        // An objective whose evidence is gone can no longer be met: final, not "not yet met".
        var freeze = Objective(await trainer.InvokeAsync<JsonElement>("GetView"), "freeze-c2-logs");
        Assert.Equal(("unable-to-be-performed", false), (freeze.GetProperty("rating").GetString(), freeze.GetProperty("provisional").GetBoolean()));
        Assert.EndsWith("it can no longer be met", freeze.GetProperty("ratingEvidence").GetString());
    }

    [Fact]
    public async Task A_request_row_says_what_happened_to_its_evidence_and_a_queued_one_until_about_when_it_waits()
    {
        var ex = await CreateAsync("AL/contact-point", "BE/contact-point");
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var al = await Join(server, Code(ex, "AL/contact-point"));
        await using var be = await Join(server, Code(ex, "BE/contact-point"));
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13));
        var sent = await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(sent.Accepted, sent.Message);
        JsonElement Row(JsonElement view, string list) => view.GetProperty("view").GetProperty(list).EnumerateArray().Single(r => r.GetProperty("request").GetString() == sent.Request);
        var fate = Row(await al.InvokeAsync<JsonElement>("GetView"), "outgoing").GetProperty("fates")[0];
        Assert.Equal(("c2-flow-logs", "pending"), (fate.GetProperty("evidence").GetString(), fate.GetProperty("fate").GetString()));

        // Belmark's trainee has it in the inbox, received at night: the row says why it waits and until about when.
        for (var i = 0; i < 20 && Row(await be.InvokeAsync<JsonElement>("GetView"), "incoming").GetProperty("state").GetString() != "received"; i++)
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
        var queue = Row(await be.InvokeAsync<JsonElement>("GetView"), "incoming").GetProperty("queue");
        Assert.Matches("an officer has it|case\\(s\\) ahead", queue.GetProperty("reason").GetString()); // the policy plays Aldoria's other offices, which may write too
        var opens = DateTimeOffset.Parse(queue.GetProperty("estimatedStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await trainer.InvokeAsync<ClockState>("JumpTo", opens);
        Assert.Equal("under-review", Row(await be.InvokeAsync<JsonElement>("GetView"), "incoming").GetProperty("state").GetString());

        Assert.True((await be.InvokeAsync<DecisionResult>("AnswerRequest", sent.Request!, "approve", null, "frozen")).Accepted);
        for (var i = 0; i < 40 && Row(await al.InvokeAsync<JsonElement>("GetView"), "outgoing").GetProperty("fates")[0].GetProperty("fate").GetString() != "preserved"; i++)
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
        fate = Row(await al.InvokeAsync<JsonElement>("GetView"), "outgoing").GetProperty("fates")[0];
        Assert.Equal("preserved", fate.GetProperty("fate").GetString());
        var preservation = (await al.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("preservations").EnumerateArray()
            .Single(p => p.GetProperty("request").GetString() == sent.Request);
        Assert.Equal(preservation.GetProperty("until").GetString(), fate.GetProperty("at").GetString());
    }

    [Fact]
    public async Task Several_named_people_on_one_seat_show_in_presence_and_a_bad_name_is_refused()
    {
        var ex = await CreateAsync("AL/investigator");
        await using var trainer = await Join(server, ex.TrainerKey);
        await using var ana = await server.ConnectAsync();
        await ana.InvokeAsync<JsonElement>("JoinAs", Code(ex, "AL/investigator"), "  Ana Ruiz ");
        await using var ben = await server.ConnectAsync();
        await ben.InvokeAsync<JsonElement>("JoinAs", Code(ex, "AL/investigator"), "Ben Okafor");
        await using var nameless = await server.ConnectAsync();
        await nameless.InvokeAsync<JsonElement>("Join", Code(ex, "AL/investigator"));
        var line = (await trainer.InvokeAsync<JsonElement>("GetPresence")).EnumerateArray().Single(l => l.GetProperty("who").GetString() == "AL/investigator");
        Assert.Equal(3, line.GetProperty("connections").GetInt32());
        Assert.Equal(["Ana Ruiz", "Ben Okafor"], line.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        await using var bad = await server.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => bad.InvokeAsync<JsonElement>("JoinAs", Code(ex, "AL/investigator"), new string('x', 61)));
        Assert.Contains("refused: name: 1 to 60 characters", refused.Message);
    }
}
