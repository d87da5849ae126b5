using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Simulator.Web.Tests;

/// <summary>
/// A small OpenID Connect provider for the tests, on a loopback port: discovery, keys, an authorization endpoint that
/// signs in <see cref="Account"/> at once (as a provider does for someone already signed in there), and a token
/// endpoint that redeems each code once, for the client it was given to, its redirect address and its PKCE verifier
/// (S256 only), and answers with an RS256 ID token carrying the nonce (an authorization without a nonce or a state is
/// refused). What it checks is what a real provider checks,
/// so a server that left out PKCE, the secret or the nonce would fail here too; <see cref="Audience"/> lets a test
/// give a token meant for another client.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public sealed record TestAccount(string Subject, string? Name, params string[] Roles);

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private sealed record Grant(TestAccount Account, string ClientId, string RedirectUri, string? Nonce, string Challenge);

    public const string ClientId = "simulator", ClientSecret = "test-client-secret";

    /// <summary>The issuer, as the simulator's Simulator:SignIn:Oidc:Authority names it.</summary>
    public string Authority { get; }

    /// <summary>Who is signed in at the provider: the next authorization signs them in.</summary>
    public TestAccount Account { get; set; } = new("sub-ana", "ana@ministry.example", "simulator-organiser");

    /// <summary>The audience the next ID token names (another client's, to test that the server refuses it).</summary>
    public string Audience { get; set; } = ClientId;

    /// <summary>What the token endpoint refused, for the test to say why a sign-in failed.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    private TestIssuer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    public static async Task<TestIssuer> StartAsync()
    {
        var port = ServerProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var issuer = new TestIssuer(app, $"http://127.0.0.1:{port}/realms/training");
        issuer.Map();
        await app.StartAsync();
        return issuer;
    }

    private void Map()
    {
        var realm = _app.MapGroup("/realms/training");
        realm.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/keys",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        realm.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        realm.MapGet("/authorize", (HttpContext http) =>
        {
            var q = http.Request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"])
                || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["nonce"]) || string.IsNullOrEmpty(q["state"]))
                return Results.BadRequest($"authorize: unexpected request {http.Request.QueryString}");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(Account, ClientId, q["redirect_uri"]!, q["nonce"], q["code_challenge"]!);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        realm.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            string? Refuse(string why) { Refusals.Enqueue(why); return why; }
            _codes.TryRemove(form["code"].ToString(), out var grant);
            var problem = form["grant_type"] != "authorization_code" ? Refuse("grant_type")
                : grant is null ? Refuse("unknown or used code")
                : ClientAuthenticated(http, form) is not true ? Refuse("client authentication")
                : form["redirect_uri"] != grant.RedirectUri ? Refuse("redirect_uri")
                : Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge ? Refuse("PKCE verifier")
                : null;
            if (problem is not null) return Results.Json(new { error = "invalid_grant", error_description = problem }, statusCode: 400);
            var claims = new Dictionary<string, object> { ["sub"] = grant!.Account.Subject };
            if (grant.Account.Name is { } name) claims["preferred_username"] = name;
            if (grant.Account.Roles.Length > 0) claims["roles"] = grant.Account.Roles;
            if (grant.Nonce is { } nonce) claims["nonce"] = nonce;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority, Audience = Audience, Claims = claims, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    /// <summary>The client's secret, in the form (client_secret_post) or in Basic authentication (client_secret_basic).</summary>
    private static bool ClientAuthenticated(HttpContext http, IFormCollection form)
    {
        if (form["client_id"] == ClientId && form["client_secret"] == ClientSecret) return true;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
        return pair.Length == 2 && Uri.UnescapeDataString(pair[0]) == ClientId && Uri.UnescapeDataString(pair[1]) == ClientSecret;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
