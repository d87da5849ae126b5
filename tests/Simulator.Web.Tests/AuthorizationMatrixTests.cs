using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Engine;
using Simulator.Core.Decisions;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// One exercise, prepared once: Aldoria's contact point has sent a preservation request that waits for Belmark's
/// contact point. Every hub method that an identity may not call is called by it, and must be refused without
/// changing anything.
/// </summary>
public sealed class AuthorizationFixture : IAsyncLifetime
{
    public LiveServer Server { get; } = new();
    public Dictionary<string, HubConnection> As { get; } = [];
    public string Request { get; private set; } = "";
    public string ExerciseId { get; private set; } = "";
    /// <summary>The observer's token: revoking it is refused to everyone but the trainer, and it stays open.</summary>
    public string ObserverToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var http = Server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new
        {
            scenario = "hospital-ransomware", seed = 5,
            seats = new[] { "AL/contact-point", "AL/investigator", "BE/contact-point", "DR/judge" },
        });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        ExerciseId = ex.ExerciseId;
        async Task<HubConnection> Join(string code)
        {
            var c = await Server.ConnectAsync();
            await c.InvokeAsync<JsonElement>("Join", code);
            return c;
        }
        As["trainer"] = await Join(ex.TrainerKey);
        As["observer"] = await Server.ConnectAsync();
        ObserverToken = (await As["observer"].InvokeAsync<JsonElement>("Join", ex.ObserverCode)).GetProperty("token").GetProperty("id").GetString()!;
        As["evaluator"] = await Join(ex.EvaluatorCode!);
        foreach (var s in ex.Seats) As[s.Seat] = await Join(s.Code);
        As["not joined"] = await Server.ConnectAsync();

        var start = (await As["trainer"].InvokeAsync<ClockState>("PauseClock")).Start;
        await As["trainer"].InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        Request = (await As["AL/contact-point"].InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null)).Request!;
        for (var i = 0; i < 100; i++)
        {
            var view = await As["BE/contact-point"].InvokeAsync<JsonElement>("GetView");
            if (view.GetProperty("view").GetProperty("incoming").EnumerateArray().Any(r => r.GetProperty("state").GetString() == "under-review")) break;
            await As["trainer"].InvokeAsync<ClockState>("JumpToNextEvent");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var c in As.Values) await c.DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class AuthorizationMatrixTests(AuthorizationFixture f) : IClassFixture<AuthorizationFixture>
{
    private const string Req = "{request}", Token = "{token}";
    private static readonly RequestParticulars Template = new("illegal access", "ransomware at a hospital", "the logs rotate in 14 days");

    private static readonly (string Method, object?[] Args)[] Methods =
    [
        ("SendRequest", ["budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null]),
        ("SendRequestWithTemplate", ["budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, Template, false]),
        ("CheckRequest", ["budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, Template, false]),
        ("Advise", [new[] { "c2-flow-logs" }, false]),
        ("GetPresence", []),
        ("AnswerRequest", [Req, "approve", null, null]),
        ("AnswerRequestWithChecklist", [Req, "approve", null, null, new[] { "dual-criminality", "complete", "proportionate", "no-ground" }]),
        ("AnswerRequestOnConditions", [Req, "approve", null, null, new[] { "dual-criminality", "complete", "proportionate", "no-ground" }, Array.Empty<string>()]),
        ("Clarify", [Req, "details"]),
        // The fixture's request is a Budapest Art. 29 preservation, which needs no validation: every caller is refused.
        ("ValidateRequest", [Req, true, "conforms"]),
        // Nor did its addressee object under a third country's law (REG Art. 17): every caller is refused.
        ("ReviewConflict", [Req, false, "the person lives in the third country"]),
        // Nor was it notified to an enforcing state (REG Art. 8): every caller is refused.
        ("ReviewNotification", [Req, null, "no ground"]),
        // Nothing is secured in the fixture, and no consent asked: every caller is refused (a seat by the engine, with the field).
        ("UseEvidence", ["c2-flow-logs", null, "BE", null]),
        ("AskUseConsent", ["c2-flow-logs", null, "BE", null]),
        ("AnswerUseConsent", ["consent-001", false, "not for that case"]),
        ("ExtendPreservation", ["pres-001"]),
        ("Escalate", [Req]),
        // An Art. 29 preservation has no enforcement procedure (REG Art. 16 is for EU orders): every caller is refused.
        ("EnforceOrder", [Req, null]),
        // Nor does it produce data under an instrument with a duty to inform (REG Art. 13): every caller is refused.
        ("InformPerson", [Req, true, "it would obstruct the investigation"]),
        ("Withdraw", [Req]),
        ("SendMessage", ["BE/contact-point", "contact-point-network", "Hostbay", "Please confirm receipt of our request", null, null]),
        ("Refer", ["hospital-report", "AL/prosecutor", "the Art. 29 request is yours to issue"]),
        ("RespondToInject", ["hospital-report", "decision", "The hospital keeps the disk images before rebuilding"]),
        ("RateTask", ["press-holding-line", "S", "agreed late"]),
        ("RecordObservation", ["the report was referred at once", new long[] { 1 }, null]),
        ("HotWash", ["fast preservation", "brief the press earlier"]),
        ("GetCodes", []),
        ("ReissueCode", ["observer"]),
        ("GetTokens", []),
        ("RevokeTokens", [new[] { Token }]),
        ("SetTraineesPerSeat", [3]),
        ("GetSeatView", ["AL/investigator"]),
        ("HandSeatToEngine", ["AL/investigator"]),
        ("GiveSeatBack", ["AL/investigator"]),
        ("SendMessageAs", ["Castrel Courier newsdesk", "AL/investigator", "phone", null, "Any comment on the leak?"]),
        ("StartClock", []),
        ("PauseClock", []),
        ("ResumeClock", []),
        ("SetSpeed", [7200.0]),
        ("JumpTo", [new DateTimeOffset(2026, 9, 8, 0, 0, 0, TimeSpan.Zero)]),
        ("JumpToNextEvent", []),
        ("FireInject", ["press-inquiry"]),
        ("EditInject", ["press-inquiry", null, "Changed title", null]),
        ("EndExercise", ["the hot wash starts"]),
        ("ReviseInject", ["press-inquiry", null, null, null, new[] { "AL/prosecutor", "AL/investigator" }, "A holding line"]),
        ("AddInject", ["Hospital asks again", "May we rebuild now?", new[] { "AL/investigator" }, "Answer the hospital", null]),
        ("GetView", []),
        ("GetDesk", ["AL"]),
        ("GetProvider", ["hostbay"]),
        ("GetInvestigation", ["hospital-ransomware"]),
        ("GetJournal", [0L, 10]),
    ];

    private static readonly string[] Identities = ["trainer", "observer", "evaluator", "AL/contact-point", "AL/investigator", "BE/contact-point", "DR/judge", "not joined"];

    /// <summary>What each identity may call; everything else must be refused.</summary>
    private static bool Allowed(string who, string method) => (who, method) switch
    {
        ("not joined", _) => false,
        (_, "GetView" or "GetJournal") => true,
        ("trainer" or "observer" or "evaluator", "GetPresence") => true,
        // The evaluator sees what the trainer sees, rates and observes; everyone at the table adds to the hot wash.
        ("evaluator", "RateTask" or "RecordObservation" or "GetDesk" or "GetProvider" or "GetInvestigation") => true,
        ("trainer" or "evaluator" or "AL/contact-point" or "AL/investigator" or "BE/contact-point" or "DR/judge", "HotWash") => true,
        ("trainer", "GetCodes" or "ReissueCode" or "GetTokens" or "RevokeTokens" or "SetTraineesPerSeat") => true,
        ("trainer" or "evaluator", "GetSeatView") => true,
        // Checking a draft changes nothing: any seat may check one (a foreign state's check lists its problems).
        ("AL/contact-point" or "AL/investigator" or "BE/contact-point" or "DR/judge", "CheckRequest") => true,
        ("AL/contact-point" or "AL/investigator", "Advise") => true,
        ("trainer" or "observer", "GetDesk" or "GetProvider" or "GetInvestigation") => true,
        ("AL/contact-point" or "AL/investigator", "GetDesk" or "GetInvestigation") => true,
        ("trainer", "StartClock" or "PauseClock" or "ResumeClock" or "SetSpeed" or "JumpTo" or "JumpToNextEvent" or "FireInject" or "EditInject" or "EndExercise" or "SendMessageAs" or "ReviseInject" or "AddInject" or "HandSeatToEngine" or "GiveSeatBack") => true,
        ("AL/contact-point", "SendRequest" or "SendRequestWithTemplate" or "Clarify" or "ExtendPreservation" or "Escalate" or "Withdraw" or "SendMessage") => true,
        // The first inject is the investigator's alone: it may refer it to a colleague and answer it.
        ("AL/investigator", "Refer" or "RespondToInject") => true,
        ("AL/investigator", "Clarify" or "ExtendPreservation" or "Escalate" or "Withdraw") => true, // its state's request; Art. 29 is not the investigator's to issue
        ("BE/contact-point", "AnswerRequest" or "AnswerRequestWithChecklist" or "AnswerRequestOnConditions") => true,
        _ => false,
    };

    public static TheoryData<string, string> Denied()
    {
        var data = new TheoryData<string, string>();
        foreach (var who in Identities)
            foreach (var (method, _) in Methods)
                if (!Allowed(who, method)) data.Add(who, method);
        return data;
    }

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task Refused_and_nothing_changes(string who, string method)
    {
        var before = await f.As["trainer"].InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        var clock = await f.As["trainer"].InvokeAsync<JsonElement>("GetView");
        var args = Methods.Single(m => m.Method == method).Args
            .Select(a => a as string == Req ? f.Request : a is string[] ids && ids.SequenceEqual([Token]) ? new[] { f.ObserverToken } : a).ToArray();
        var e = await Assert.ThrowsAsync<HubException>(() => f.As[who].InvokeCoreAsync<object>(method, args));
        Assert.Matches("refused|join an exercise first", e.Message);
        var after = await f.As["trainer"].InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(clock.GetProperty("clock").GetProperty("now").GetString(),
            (await f.As["trainer"].InvokeAsync<JsonElement>("GetView")).GetProperty("clock").GetProperty("now").GetString());
        var tokens = await f.As["trainer"].InvokeAsync<TokenList>("GetTokens");
        Assert.True(tokens.Tokens.Single(t => t.Id == f.ObserverToken).Open);
    }

    [Fact]
    public void The_matrix_covers_every_public_hub_method()
    {
        var hubMethods = typeof(Simulator.Web.Hubs.ExerciseHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Where(n => n is not "Join" and not "JoinAs" and not "JoinAsOrganiser" and not "OnDisconnectedAsync") // joining: SeatTokenTests, OrganiserTests
            .Where(n => n is not "Leave") // every joined identity may leave (its own token): SeatTokenTests
            .ToHashSet();
        Assert.Equal(hubMethods.Order(), Methods.Select(m => m.Method).Order());
    }

    [Fact]
    public async Task The_entity_grains_show_a_states_desk_a_providers_holdings_and_an_investigation()
    {
        // The entity grains are recorded in the background after each step: RecordEntities returns once they are.
        await f.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(f.ExerciseId).RecordEntities();
        var desk = await f.As["BE/contact-point"].InvokeAsync<JsonElement>("GetDesk", "BE");
        Assert.True(desk.GetProperty("received").EnumerateArray().Any(r => r.GetProperty("request").GetString() == f.Request), desk.GetRawText());
        Assert.Equal("trainee", desk.GetProperty("contactPoint").GetProperty("office").GetProperty("playedBy").GetString());
        var provider = await f.As["observer"].InvokeAsync<JsonElement>("GetProvider", "hostbay");
        Assert.Contains(provider.GetProperty("holdings").EnumerateArray(), h => h.GetProperty("evidence").GetString() == "c2-flow-logs");
        var investigation = await f.As["AL/investigator"].InvokeAsync<JsonElement>("GetInvestigation", "hospital-ransomware");
        Assert.All(investigation.GetProperty("leads").EnumerateArray(), l => Assert.True(l.GetProperty("discovered").GetBoolean()));
        await Assert.ThrowsAsync<HubException>(() => f.As["trainer"].InvokeAsync<JsonElement>("GetDesk", "ZZ"));
    }
}
