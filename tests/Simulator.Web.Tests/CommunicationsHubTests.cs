using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// Messages, referrals and answers to injects over the hub: each reaches the seats it is for, live and on catch-up,
/// and no other (a colleague of the same state does not read a seat's mail; observers read nobody's), the trainer
/// sees all of it, and a SIGKILLed server gives all of it back.
/// </summary>
public sealed class CommunicationsHubTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Seats = ["AL/investigator", "AL/prosecutor", "AL/contact-point", "DR/contact-point"];

    private sealed record Console(HubConnection Connection, long JoinedAt, List<LiveEvent> Pushed)
    {
        public async Task<JsonElement> View() => (await Connection.InvokeAsync<JsonElement>("GetView")).GetProperty("view");
    }

    private async Task<Console> Join(string code)
    {
        var pushed = new List<LiveEvent>();
        var c = await server.ConnectAsync();
        c.On<string, List<LiveEvent>, ClockState>("Events", (_, events, _) => { lock (pushed) pushed.AddRange(events); });
        var view = await c.InvokeAsync<JsonElement>("Join", code);
        return new Console(c, view.GetProperty("lastSequence").GetInt64(), pushed);
    }

    private static IEnumerable<string> Ids(JsonElement view, string list, string id) =>
        view.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(i => i.GetProperty(id).GetString()!) : [];

    [Fact]
    public async Task Each_message_referral_and_answer_reaches_only_the_seats_it_is_for_live_and_on_catch_up()
    {
        using var http = server.Http();
        var ex = (await (await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 3, seats = Seats })).Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        var consoles = new Dictionary<string, Console> { ["trainer"] = await Join(ex.TrainerKey), ["observer"] = await Join(ex.ObserverCode) };
        foreach (var s in ex.Seats) consoles[s.Seat] = await Join(s.Code);
        var (trainer, investigator, prosecutor, contact, dravonia) =
            (consoles["trainer"], consoles["AL/investigator"], consoles["AL/prosecutor"], consoles["AL/contact-point"], consoles["DR/contact-point"]);
        var start = (await trainer.Connection.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.Connection.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));

        // The hospital's report is addressed to the investigator: its colleagues do not have it until it refers it.
        Assert.Contains("hospital-report", Ids(await investigator.View(), "injects", "inject"));
        Assert.DoesNotContain("hospital-report", Ids(await prosecutor.View(), "injects", "inject"));
        var referred = await investigator.Connection.InvokeAsync<DecisionResult>("Refer", "hospital-report", "AL/prosecutor", "The Art. 29 request is yours to issue");
        Assert.True(referred.Accepted, referred.Message);
        var prosecutorsInject = (await prosecutor.View()).GetProperty("injects").EnumerateArray().Single(i => i.GetProperty("inject").GetString() == "hospital-report");
        Assert.Equal("AL/investigator", prosecutorsInject.GetProperty("referredBy").GetString());

        Assert.True((await investigator.Connection.InvokeAsync<DecisionResult>("SendMessage", "AL/prosecutor", "phone", "Hostbay", "Call me about the C2 server", "hospital-report", null)).Accepted);
        Assert.True((await contact.Connection.InvokeAsync<DecisionResult>("SendMessage", "DR/contact-point", "contact-point-network", null, "Preservation for Postlane follows", null, null)).Accepted);
        Assert.True((await investigator.Connection.InvokeAsync<DecisionResult>("RespondToInject", "hospital-report", "decision", "Keep the disk images before rebuilding")).Accepted);
        Assert.True((await trainer.Connection.InvokeAsync<DecisionResult>("SendMessageAs", "Castrel Courier newsdesk", "AL/prosecutor", "phone", "Press", "Was patient data stolen?")).Accepted);
        await trainer.Connection.InvokeAsync<ClockState>("JumpTo", start.AddHours(9));

        var inbox = (await prosecutor.View()).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["AL/investigator", "Castrel Courier newsdesk"], inbox.Select(m => m.GetProperty("from").GetString()));
        Assert.All(inbox, m => Assert.Equal(("in", false), (m.GetProperty("direction").GetString(), m.GetProperty("fromSimulationCell").GetBoolean())));
        Assert.Equal("out", (await investigator.View()).GetProperty("messages").EnumerateArray().Single().GetProperty("direction").GetString());
        var contactsMail = Ids(await contact.View(), "messages", "message").ToList();
        Assert.All(inbox, m => Assert.DoesNotContain(m.GetProperty("message").GetString(), contactsMail));
        Assert.Equal("AL/contact-point", (await dravonia.View()).GetProperty("messages").EnumerateArray().Single().GetProperty("from").GetString());
        Assert.Single(Ids(await investigator.View(), "responses", "response"));
        Assert.Empty(Ids(await prosecutor.View(), "responses", "response"));
        var overview = await trainer.View();
        Assert.Equal(3, overview.GetProperty("messages").GetArrayLength());
        Assert.True(overview.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("from").GetString() == "Castrel Courier newsdesk").GetProperty("fromSimulationCell").GetBoolean());
        Assert.Single(Ids(overview, "responses", "response"));
        Assert.Single(Ids(await consoles["observer"].View(), "responses", "response")); // the state's answers, not its mail
        Assert.False((await consoles["observer"].View()).TryGetProperty("messages", out var none) && none.ValueKind == JsonValueKind.Array);

        var everything = await trainer.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        bool Private(LiveEvent e) => e.Type is "MessageSent" or "MessageDelivered" or "Referred";
        foreach (var (who, console) in consoles)
        {
            var caughtUp = await console.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", console.JoinedAt, 5000);
            for (var i = 0; i < 200 && !Arrived(console, caughtUp[^1].Sequence); i++) await Task.Delay(25);
            List<LiveEvent> pushed;
            lock (console.Pushed) pushed = [.. console.Pushed];
            Assert.Equal(caughtUp.Select(e => (e.Sequence, e.Type, e.Data)), pushed.Select(e => (e.Sequence, e.Type, e.Data)));
            var mine = caughtUp.Where(Private).Select(e => e.Sequence).ToHashSet();
            var expected = everything.Where(Private).Where(e => who == "trainer" || For(e, who)).Select(e => e.Sequence).ToHashSet();
            Assert.True(expected.SetEquals(mine), $"{who}: expected {string.Join(",", expected)}, got {string.Join(",", mine)}");
        }
        foreach (var console in consoles.Values) await console.Connection.DisposeAsync();
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_the_field_and_nothing_is_journalled()
    {
        using var http = server.Http();
        var ex = (await (await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 4, seats = Seats })).Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        var trainer = await Join(ex.TrainerKey);
        var investigator = await Join(ex.Seats.Single(s => s.Seat == "AL/investigator").Code);
        var before = (await trainer.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count;
        async Task<string> Refused(Console who, string method, params object?[] args) =>
            (await Assert.ThrowsAsync<HubException>(() => who.Connection.InvokeCoreAsync<DecisionResult>(method, args))).Message;
        Assert.Contains("refused: channel: must be one of phone, contact-point-network, secure-email, official-letter", await Refused(investigator, "SendMessage", "AL/prosecutor", "fax", null, "hello", null, null));
        Assert.Contains("refused: text: at most 4000 characters", await Refused(investigator, "SendMessage", "AL/prosecutor", "phone", null, new string('x', 4001), null, null));
        Assert.Contains("refused: text: required", await Refused(investigator, "SendMessage", "AL/prosecutor", "phone", null, "  ", null, null));
        Assert.Contains("refused: kind: must be status-report", await Refused(investigator, "RespondToInject", "hospital-report", "tweet", "text"));
        Assert.Contains("refused: from: at most 80 characters", await Refused(trainer, "SendMessageAs", new string('n', 81), "AL/prosecutor", "phone", null, "text"));
        Assert.Contains("refused: only the trainer writes for the simulation cell", await Refused(investigator, "SendMessageAs", "Press", "AL/prosecutor", "phone", null, "text"));
        // Uses beyond the purpose: each refusal names the field.
        Assert.Contains("refused: evidence: required", await Refused(investigator, "UseEvidence", " ", "hospital-ransomware", null, null));
        Assert.Contains("refused: note: at most 1000 characters", await Refused(investigator, "UseEvidence", "c2-flow-logs", null, "DR", new string('x', 1001)));
        Assert.Equal(before, (await trainer.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count);
        // The engine's refusals (the exercise's clock catches up to now first, as for any decision) change nothing either.
        Assert.Contains("refused: in/to: give in (another incident of your state) or to (another state), one of the two", await Refused(investigator, "UseEvidence", "c2-flow-logs", null, null, null));
        Assert.Contains("refused: evidence: c2-flow-logs has not been secured", await Refused(investigator, "AskUseConsent", "c2-flow-logs", null, "DR", null));
        Assert.Contains("refused: consent: no request for consent 'consent-009'", await Refused(investigator, "AnswerUseConsent", "consent-009", true, null));
        var journal = await trainer.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        Assert.DoesNotContain(journal, e => e.Type is "DecisionTaken" or "EvidenceUsed" or "UseConsentAsked" or "UseConsentAnswered");
    }

    /// <summary>Whether a private event is for this seat: a message leaving it, a message or a referral reaching or leaving it.</summary>
    private static bool For(LiveEvent e, string seat)
    {
        var data = JsonDocument.Parse(e.Data).RootElement;
        var (from, to) = (data.GetProperty("from").GetString(), data.GetProperty("to").GetString());
        return e.Type == "MessageSent" ? from == seat : from == seat || to == seat;
    }

    private static bool Arrived(Console console, long sequence)
    {
        lock (console.Pushed) return console.Pushed.Any(e => e.Sequence >= sequence);
    }
}
