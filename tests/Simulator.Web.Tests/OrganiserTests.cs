using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Web.Api;

namespace Simulator.Web.Tests;

/// <summary>
/// Organiser sign-in (issue 15 item 6), with local accounts: when the server is configured for it, only a signed-in
/// organiser creates exercises; they list their own and no one else's, give one a new trainer key, and every sign-in,
/// refusal and creation is in the audit log. The embedded default needs no sign-in (every other test).
/// </summary>
public sealed class OrganiserTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, string> Local = new() { ["Simulator:SignIn:Mode"] = "local" };

    /// <summary>A browser of its own: its cookies are its sign-in.</summary>
    private sealed class BrowserClient(CookieContainer cookies) : HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true })
    {
        public CookieContainer Cookies => cookies;
    }

    private static BrowserClient Browser(LiveServer server) => new(new CookieContainer()) { BaseAddress = server.Address };

    private static Task<HttpResponseMessage> SignIn(HttpClient http, string name, string password) =>
        http.PostAsJsonAsync("/api/sign-in", new { name, password });

    private static Task<HttpResponseMessage> Create(HttpClient http) =>
        http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });

    [Fact]
    public async Task Only_a_signed_in_organiser_creates_and_each_lists_and_rekeys_only_their_own_exercises()
    {
        using var server = new LiveServer(seedDatabase: null, Local);
        // Accounts are made on the server's command line, with the password on standard input.
        var (added, said) = await ServerProcess.RunWithInputAsync("correct horse battery", "add-organiser", "ana@ministry.example", "--Simulator:Data", server.DataFolder);
        Assert.True(added == 0, said);
        Assert.Contains("organiser ana@ministry.example added", said);
        var (again, twice) = await ServerProcess.RunWithInputAsync("correct horse battery", "add-organiser", "ana@ministry.example", "--Simulator:Data", server.DataFolder);
        Assert.Equal((1, true), (again, twice.Contains("there is already an organiser 'ana@ministry.example'")));
        var (weak, short_) = await ServerProcess.RunWithInputAsync("short", "add-organiser", "ben", "--Simulator:Data", server.DataFolder);
        Assert.Equal((1, true), (weak, short_.Contains("password: at least 12 characters")));
        var (benAdded, benSaid) = await ServerProcess.RunWithInputAsync("another long passphrase", "add-organiser", "Ben", "--Simulator:Data", server.DataFolder);
        Assert.True(benAdded == 0, benSaid);

        using var ana = Browser(server);
        Assert.Equal(new SignInState(true, null, Local: true), await ana.GetFromJsonAsync<SignInState>("/api/sign-in", Web));
        var anonymous = await Create(ana);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("sign in as an organiser to create exercises", await anonymous.Content.ReadAsStringAsync());

        var wrong = await SignIn(ana, "ana@ministry.example", "not her password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("the name or the password is wrong", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(ana, "nobody", "whatever it is")).StatusCode); // the same answer for a name that does not exist
        Assert.Equal(HttpStatusCode.NoContent, (await SignIn(ana, "ana@ministry.example", "correct horse battery")).StatusCode);
        Assert.Equal("ana@ministry.example", (await ana.GetFromJsonAsync<SignInState>("/api/sign-in", Web))!.Organiser);

        var created = await Create(ana);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var exercise = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(Web))!;
        var mine = await ana.GetFromJsonAsync<List<OrganisedExercise>>("/api/exercises", Web);
        Assert.Equal(exercise.ExerciseId, Assert.Single(mine!).Id);

        using var ben = Browser(server);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ben.GetAsync("/api/exercises")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignIn(ben, "BEN", "another long passphrase")).StatusCode); // names are one whatever their case
        Assert.Empty((await ben.GetFromJsonAsync<List<OrganisedExercise>>("/api/exercises", Web))!);
        var bens = (await (await Create(ben)).Content.ReadFromJsonAsync<ExerciseCreated>(Web))!;
        Assert.Equal(bens.ExerciseId, Assert.Single((await ben.GetFromJsonAsync<List<OrganisedExercise>>("/api/exercises", Web))!).Id);
        var notHis = await ben.PostAsync($"/api/exercises/{exercise.ExerciseId}/trainer-key", null);
        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);

        // Ana opens the trainer console by her sign-in, without the key; Ben cannot, nor can a console not signed in.
        HubConnection Hub(CookieContainer? cookies) => new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/exercise"), o => { if (cookies is not null) o.Cookies = cookies; }).Build();
        await using var anaHub = Hub(ana.Cookies);
        await anaHub.StartAsync();
        var opened = await anaHub.InvokeAsync<JsonElement>("JoinAsOrganiser", exercise.ExerciseId);
        Assert.Equal("trainer", opened.GetProperty("identity").GetProperty("role").GetString());
        Assert.Matches("^[0-9A-Z]{26}$", opened.GetProperty("token").GetProperty("token").GetString());
        await using var benHub = Hub(ben.Cookies);
        await benHub.StartAsync();
        Assert.Contains($"no exercise '{exercise.ExerciseId}' of yours", (await Assert.ThrowsAsync<HubException>(() => benHub.InvokeAsync<JsonElement>("JoinAsOrganiser", exercise.ExerciseId))).Message);
        await using var nobody = Hub(null);
        await nobody.StartAsync();
        Assert.Contains("sign in as an organiser on the start page first", (await Assert.ThrowsAsync<HubException>(() => nobody.InvokeAsync<JsonElement>("JoinAsOrganiser", exercise.ExerciseId))).Message);

        // Ana's trainer lost the key: she gives a new one; the old one opens nothing, and its consoles end.
        await using var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", exercise.TrainerKey);
        var ended = new TaskCompletionSource<string>();
        trainer.On<string, string, bool>("AccessEnded", (_, reason, _) => ended.TrySetResult(reason));
        var rekey = await ana.PostAsync($"/api/exercises/{exercise.ExerciseId}/trainer-key", null);
        Assert.Equal(HttpStatusCode.OK, rekey.StatusCode);
        var key = (await rekey.Content.ReadFromJsonAsync<SeatCode>(Web))!.Code;
        Assert.Contains("access was ended", await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var back = await server.ConnectAsync();
        Assert.Equal("trainer", (await back.InvokeAsync<JsonElement>("Join", key)).GetProperty("identity").GetProperty("role").GetString());
        await using var old = await server.ConnectAsync();
        Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => old.InvokeAsync<JsonElement>("Join", exercise.TrainerKey))).Message);

        // The audit log: Ana's lines (her sign-ins, her refusal, her creation, the new key), none of Ben's.
        var audit = (await ana.GetFromJsonAsync<List<AuditEntry>>("/api/audit", Web))!;
        Assert.Equal(["organiser-added", "sign-in-refused", "sign-in", "exercise-created", "trainer-console-opened", "trainer-key-reissued"],
            audit.Where(a => a.Kind != "tokens-revoked").Select(a => a.Kind));
        Assert.All(audit, a => Assert.True(a.Organiser is null or "ana@ministry.example"));
        Assert.All(audit, a => Assert.NotEqual(bens.ExerciseId, a.ExerciseId));
        Assert.Contains((await ben.GetFromJsonAsync<List<AuditEntry>>("/api/audit", Web))!, a => a.Kind == "exercise-created" && a.ExerciseId == bens.ExerciseId);

        // A POST a browser sends from another origin is refused (another application on the same site).
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{exercise.ExerciseId}/trainer-key");
        foreign.Headers.Add("Sec-Fetch-Site", "same-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.SendAsync(foreign)).StatusCode);
        var (printed, log) = await ServerProcess.RunAsync("audit", "--Simulator:Data", server.DataFolder);
        Assert.Equal(0, printed);
        Assert.Contains("sign-in-refused\t-\t-", log); // the name that does not exist is not written as one
        Assert.DoesNotContain("correct horse battery", log);

        // Signing out ends the sign-in everywhere: a copy of the cookie opens nothing after.
        var cookie = string.Join("; ", ana.Cookies.GetCookies(server.Address).Select(c => $"{c.Name}={c.Value}"));
        Assert.Contains("simulator-organiser=", cookie);
        await ana.PostAsync("/api/sign-out", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Create(ana)).StatusCode);
        using var copied = server.Http();
        var replay = new HttpRequestMessage(HttpMethod.Get, "/api/exercises");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.SendAsync(replay)).StatusCode);

        // A new password set on the command line ends Ben's sign-in too.
        var (reset, resetSaid) = await ServerProcess.RunWithInputAsync("a brand new passphrase", "add-organiser", "ben", "--replace", "--Simulator:Data", server.DataFolder);
        Assert.True(reset == 0, resetSaid);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ben.GetAsync("/api/exercises")).StatusCode);

        // Removing Ben's account ends his sign-in at once; his exercise stays and opens with its key.
        Assert.Equal(HttpStatusCode.NoContent, (await SignIn(ben, "ben", "a brand new passphrase")).StatusCode);
        var (removed, removedSaid) = await ServerProcess.RunAsync("remove-organiser", "ben", "--Simulator:Data", server.DataFolder);
        Assert.True(removed == 0, removedSaid);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ben.GetAsync("/api/exercises")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(ben, "ben", "a brand new passphrase")).StatusCode);
        await using var bensTrainer = await server.ConnectAsync();
        Assert.Equal("trainer", (await bensTrainer.InvokeAsync<JsonElement>("Join", bens.TrainerKey)).GetProperty("identity").GetProperty("role").GetString());
        var (again_, noSuch) = await ServerProcess.RunAsync("remove-organiser", "ben", "--Simulator:Data", server.DataFolder);
        Assert.Equal((1, true), (again_, noSuch.Contains("no organiser 'ben'")));
    }

    [Fact]
    public async Task Without_sign_in_configured_anyone_creates_and_there_is_no_list_of_exercises()
    {
        using var server = new LiveServer();
        using var http = server.Http();
        Assert.False((await http.GetFromJsonAsync<SignInState>("/api/sign-in", Web))!.Required);
        Assert.Equal(HttpStatusCode.Created, (await Create(http)).StatusCode);
        var list = await http.GetAsync("/api/exercises");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Contains("sign-in is not configured on this server", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn(http, "ana", "correct horse battery")).StatusCode);
    }
}
