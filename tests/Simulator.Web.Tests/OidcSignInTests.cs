using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Web.Api;

namespace Simulator.Web.Tests;

/// <summary>
/// Organisers signing in at their organisation's OpenID Connect provider (issue 15 item 6), against a small provider
/// run in the test (<see cref="TestIssuer"/>): the browser is sent there and back (code flow with PKCE, the secret on
/// the back channel, the nonce in the ID token), and the account becomes an organiser who creates and lists their
/// exercises. An account without the organiser role, a token meant for another client, and an account that claims a
/// name another holds are refused, said on the start page and in the audit log, and leave no one signed in.
/// </summary>
public sealed class OidcSignInTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static Dictionary<string, string> Settings(TestIssuer issuer, string mode = "oidc") => new()
    {
        ["Simulator:SignIn:Mode"] = mode,
        ["Simulator:SignIn:Oidc:Authority"] = issuer.Authority,
        ["Simulator:SignIn:Oidc:ClientId"] = TestIssuer.ClientId,
        ["Simulator:SignIn:Oidc:ClientSecret"] = TestIssuer.ClientSecret,
        ["Simulator:SignIn:Oidc:RequireHttps"] = "false",
        ["Simulator:SignIn:Oidc:RequiredClaim"] = "roles=simulator-organiser",
        ["Simulator:SignIn:Oidc:DisplayName"] = "Ministry sign-in",
    };

    /// <summary>A browser: its cookies, and the redirects it follows between the server and the provider, one by one.</summary>
    private sealed class Browser(Uri server) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server };
        public HttpClient Http => _http;

        /// <summary>Goes to <paramref name="path"/> and follows every redirect; the addresses it was sent to, the last one's fragment included.</summary>
        public async Task<List<string>> GoAsync(string path)
        {
            var visited = new List<string>();
            var next = new Uri(server, path);
            for (var hop = 0; hop < 10; hop++)
            {
                using var response = await _http.GetAsync(next);
                visited.Add(next.ToString());
                if ((int)response.StatusCode is < 300 or >= 400) { Assert.Equal(HttpStatusCode.OK, response.StatusCode); return visited; }
                next = new Uri(next, response.Headers.Location!);
            }
            throw new InvalidOperationException("more than 10 redirects: " + string.Join(" -> ", visited));
        }

        public async Task<SignInState> StateAsync() => (await _http.GetFromJsonAsync<SignInState>("/api/sign-in", Web))!;

        public void Dispose() => _http.Dispose();
    }

    [Fact]
    public async Task An_organiser_signs_in_at_the_provider_and_back_creates_and_lists_their_exercises_and_signs_out()
    {
        await using var issuer = await TestIssuer.StartAsync();
        using var server = new LiveServer(seedDatabase: null, Settings(issuer));
        using var browser = new Browser(server.Address);
        Assert.Equal(new SignInState(true, null, Local: false, Provider: "Ministry sign-in"), await browser.StateAsync());

        var visited = await browser.GoAsync("/api/sign-in/oidc");
        // To the provider with a PKCE challenge, back to the server's callback, then the start page.
        Assert.Contains(visited, v => v.StartsWith(issuer.Authority + "/authorize?", StringComparison.Ordinal) && v.Contains("code_challenge_method=S256") && v.Contains("nonce="));
        Assert.Contains(visited, v => v.StartsWith(server.Address + "signin-oidc?code=", StringComparison.Ordinal));
        Assert.Equal(server.Address.ToString(), visited[^1]);
        Assert.Empty(issuer.Refusals);
        Assert.Equal("ana@ministry.example", (await browser.StateAsync()).Organiser);

        var created = await browser.Http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var exercise = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(Web))!.ExerciseId;
        Assert.Equal([exercise], (await browser.Http.GetFromJsonAsync<List<OrganisedExercise>>("/api/exercises", Web))!.Select(e => e.Id));
        // This server has no local passwords: the answer says where organisers sign in.
        var local = await browser.Http.PostAsJsonAsync("/api/sign-in", new { name = "ana@ministry.example", password = "any password at all" });
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
        Assert.Contains("this server's organisers sign in with Ministry sign-in: GET /api/sign-in/oidc", await local.Content.ReadAsStringAsync());
        var audit = (await browser.Http.GetFromJsonAsync<List<AuditEntry>>("/api/audit", Web))!;
        Assert.Contains(audit, a => a.Kind == "organiser-added" && a.Detail!.StartsWith("oidc: first sign-in at " + issuer.Authority));
        Assert.Contains(audit, a => a.Kind == "sign-in" && a.Detail == "oidc");

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Http.PostAsync("/api/sign-out", null)).StatusCode);
        Assert.Null((await browser.StateAsync()).Organiser);
        // Signing in again, the same account at the same provider is the same organiser, with their exercises.
        using var another = new Browser(server.Address);
        await another.GoAsync("/api/sign-in/oidc");
        Assert.Equal([exercise], (await another.Http.GetFromJsonAsync<List<OrganisedExercise>>("/api/exercises", Web))!.Select(e => e.Id));
    }

    [Fact]
    public async Task An_account_without_the_role_a_token_for_another_client_and_a_name_held_by_another_are_refused_said_and_audited()
    {
        await using var issuer = await TestIssuer.StartAsync();
        using var server = new LiveServer(seedDatabase: null, Settings(issuer, "local,oidc"));
        var (added, said) = await ServerProcess.RunWithInputAsync("correct horse battery", "add-organiser", "ben@ministry.example", "--Simulator:Data", server.DataFolder);
        Assert.True(added == 0, said);

        // The start page is told by a code only (a crafted link cannot put words on it); the reasons are audited.
        async Task<string> RefusedAsync()
        {
            using var browser = new Browser(server.Address);
            var visited = await browser.GoAsync("/api/sign-in/oidc");
            Assert.Null((await browser.StateAsync()).Organiser);
            Assert.StartsWith(server.Address + "#sign-in-failed=", visited[^1]);
            return visited[^1][(server.Address + "#sign-in-failed=").Length..];
        }

        issuer.Account = new("sub-carl", "carl@ministry.example"); // in the organisation, but not an organiser
        Assert.Equal("not-organiser", await RefusedAsync());
        issuer.Account = new("sub-mallory", "ben@ministry.example", "simulator-organiser"); // the name of a local organiser
        Assert.Equal("name-taken", await RefusedAsync());
        issuer.Account = new("sub-ana", "ana@ministry.example", "simulator-organiser");
        issuer.Audience = "another-client";
        Assert.Equal("failed", await RefusedAsync()); // the handler's audience check

        issuer.Audience = TestIssuer.ClientId;
        using (var ana = new Browser(server.Address))
        {
            await ana.GoAsync("/api/sign-in/oidc");
            Assert.Equal(new SignInState(true, "ana@ministry.example", Local: true, Provider: "Ministry sign-in"), await ana.StateAsync());
            var created = await ana.Http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        issuer.Account = new("sub-someone-else", "ana@ministry.example", "simulator-organiser"); // another account claiming her name
        Assert.Equal("name-taken", await RefusedAsync());
        // The provider's organiser has no password here: a local sign-in under her name is refused like a wrong one.
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/sign-in", new { name = "ana@ministry.example", password = "any password at all" })).StatusCode);
        // Removed from the command line, her exercises keep her name: an account that claims it afterwards is not their organiser.
        var (removed, removal) = await ServerProcess.RunAsync("remove-organiser", "ana@ministry.example", "--Simulator:Data", server.DataFolder);
        Assert.True(removed == 0, removal);
        Assert.Equal("name-taken", await RefusedAsync());

        var (listed, log) = await ServerProcess.RunAsync("audit", "--Simulator:Data", server.DataFolder);
        Assert.True(listed == 0, log);
        Assert.Contains("oidc: this account is not an organiser of this server (it needs roles simulator-organiser at the provider)", log);
        Assert.Contains("oidc: an organiser of this name already exists on this server, and is not this account", log);
        Assert.Contains("oidc: an organiser of this name had exercises on this server and was removed", log);
        Assert.Contains("IDX10214", log);
    }

    [Fact]
    public async Task A_return_from_the_provider_replayed_in_another_browser_or_without_our_state_signs_no_one_in()
    {
        await using var issuer = await TestIssuer.StartAsync();
        using var server = new LiveServer(seedDatabase: null, Settings(issuer));
        // Ana's browser goes to the provider; its return address (code and state) is taken to another browser (login CSRF).
        using var ana = new Browser(server.Address);
        var authorize = await ana.Http.GetAsync("/api/sign-in/oidc");
        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = (await atProvider.GetAsync(authorize.Headers.Location)).Headers.Location!.ToString();
        Assert.StartsWith(server.Address + "signin-oidc?code=", back);
        using var other = new Browser(server.Address);
        var visited = await other.GoAsync(back);
        Assert.Equal(server.Address + "#sign-in-failed=failed", visited[^1]);
        Assert.Null((await other.StateAsync()).Organiser);
        Assert.Empty(issuer.Refusals); // the code was never even redeemed

        // A return that carries no state of ours (a link anyone can send) is refused, and not written to the audit log.
        var before = (await ServerProcess.RunAsync("audit", "--Simulator:Data", server.DataFolder)).Output;
        Assert.Equal(server.Address + "#sign-in-failed=failed", (await other.GoAsync("/signin-oidc?code=x&state=forged"))[^1]);
        Assert.Equal(before, (await ServerProcess.RunAsync("audit", "--Simulator:Data", server.DataFolder)).Output);
        // Ana's own browser completes her sign-in with the same return: the state is hers.
        Assert.Equal(server.Address.ToString(), (await ana.GoAsync(back))[^1]);
        Assert.Equal("ana@ministry.example", (await ana.StateAsync()).Organiser);
    }

    [Theory]
    [InlineData("Simulator:SignIn:Oidc:Authority", "", "Simulator:SignIn:Oidc:Authority: the provider's issuer address")]
    [InlineData("Simulator:SignIn:Oidc:RequireHttps", "true", "Simulator:SignIn:Oidc:Authority: an https address")]
    [InlineData("Simulator:SignIn:Oidc:ClientId", "", "Simulator:SignIn:Oidc:ClientId: the client id this server is registered under")]
    [InlineData("Simulator:SignIn:Oidc:RequiredClaim", "roles", "Simulator:SignIn:Oidc:RequiredClaim: type=value (roles=simulator-organiser), not 'roles'")]
    [InlineData("Simulator:SignIn:Oidc:Authority", "http://sso.example/realms/training", "http is allowed for a provider on this machine only (localhost), not sso.example")]
    [InlineData("Simulator:SignIn:Mode", "ldap", "Simulator:SignIn:Mode: \"none\", \"local\", \"oidc\" or \"local,oidc\", not \"ldap\"")]
    public async Task A_provider_setting_that_cannot_work_is_said_at_start_and_the_server_does_not_start(string setting, string value, string said)
    {
        var settings = new Dictionary<string, string>
        {
            ["Simulator:SignIn:Mode"] = "oidc", ["Simulator:SignIn:Oidc:Authority"] = "http://127.0.0.1:9/realms/training",
            ["Simulator:SignIn:Oidc:ClientId"] = "simulator", ["Simulator:SignIn:Oidc:RequireHttps"] = "false",
        };
        settings[setting] = value;
        var data = Directory.CreateTempSubdirectory("simulator-oidc-").FullName;
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data, null, [.. settings.SelectMany(s => new[] { "--" + s.Key, s.Value })]));
        Assert.Contains("the server exited with 2", failed.Message);
        Assert.Contains(said, failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }
}
