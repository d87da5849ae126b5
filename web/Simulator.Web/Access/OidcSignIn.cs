using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;

namespace Simulator.Web.Access;

/// <summary>
/// Organisers who sign in at the organisation's OpenID Connect provider (issue 15 item 6). The server is a confidential
/// client using the authorization code flow with PKCE; the provider's answer comes back as a query (a plain GET, so
/// the state and nonce cookies can be SameSite=Lax rather than None). When the ID token is valid, the account becomes
/// an organiser of this server, kept in the database like a local one but with its issuer and subject where a
/// password hash would be: so every later sign-in must be the same account at the same provider (a local organiser of
/// that name, or another account that claims it, is refused), and signing out everywhere and `remove-organiser` work
/// as for local accounts. The cookie is the server's own (12 hours); the provider's tokens are not kept.
/// </summary>
public static class OidcSignIn
{
    private const string Audited = "oidc-refusal-audited";

    public static void Add(AuthenticationBuilder authentication, SignInSettings signIn, OidcSettings oidc) =>
        authentication.AddOpenIdConnect(OidcSettings.Scheme, o =>
        {
            o.SignInScheme = SignInSettings.Scheme;
            o.Authority = oidc.Authority; // as the provider writes its issuer: the ID tokens' iss must match it
            o.RequireHttpsMetadata = oidc.RequireHttps;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            // The claims as the provider names them (sub, preferred_username, roles), not mapped to .NET's long names.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CallbackPath = "/signin-oidc";
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = signIn.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            }
            o.Events.OnTokenValidated = context => Admit(context, oidc);
            o.Events.OnRemoteFailure = Refused;
        });

    /// <summary>The provider vouched for the account: it becomes (or is again) an organiser, or it is refused, said on the start page.</summary>
    private static async Task Admit(TokenValidatedContext context, OidcSettings oidc)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<IExerciseStore>();
        var now = http.RequestServices.GetRequiredService<ExerciseWallClock>().UtcNow;
        var principal = context.Principal!;
        var subject = principal.FindFirst("sub")?.Value;
        var issuer = context.SecurityToken?.Issuer;
        var claimed = principal.FindFirst(oidc.NameClaim)?.Value?.Trim();
        string? Problem()
        {
            if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(issuer)) return "the provider's answer names no account (sub)";
            if (claimed is null) return $"the provider's answer has no '{oidc.NameClaim}' claim to name the organiser (Simulator:SignIn:Oidc:NameClaim)";
            if (Passwords.NameProblem(claimed) is not null) return $"the account's {oidc.NameClaim} is not an organiser name: 1 to 60 letters, digits, '.', '-', '_' or '@'";
            if (oidc.RequiredClaim is { } required && !principal.HasClaim(required.Type, required.Value))
                return $"this account is not an organiser of this server (it needs {required.Type} {required.Value} at the provider)";
            return null;
        }
        if (Problem() is { } problem)
        {
            await store.AuditAsync(new AuditEntry(now, "sign-in-refused", null, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: {problem}"));
            http.Items[Audited] = true;
            context.Fail(problem);
            return;
        }
        var name = Passwords.Normal(claimed!);
        var marker = OidcSettings.Marker(issuer!, subject!);
        var organiser = await store.FindOrganiserAsync(name);
        if (organiser is null)
        {
            try
            {
                await store.AddOrganiserAsync(new StoredOrganiser(name, marker, now));
                await store.AuditAsync(new AuditEntry(now, "organiser-added", name, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: first sign-in at {issuer}"));
            }
            catch (DuplicateOrganiserException) { } // signed in twice at once: the other made it
            organiser = await store.FindOrganiserAsync(name);
        }
        if (organiser is null || organiser.PasswordHash != marker)
        {
            // A local account of this name, or another account at the provider that claims it: theirs stays theirs.
            const string taken = "an organiser of this name already exists on this server, and is not this account";
            await store.AuditAsync(new AuditEntry(now, "sign-in-refused", name, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: {taken}"));
            http.Items[Audited] = true;
            context.Fail(taken);
            return;
        }
        context.Principal = Api.OrganiserApi.PrincipalFor(organiser, now);
        await store.AuditAsync(new AuditEntry(now, "sign-in", name, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: "oidc"));
    }

    /// <summary>Anything that went wrong on the way back from the provider: said on the start page (its address's fragment), never a 500.</summary>
    private static async Task Refused(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var reason = context.Failure?.Message ?? "the sign-in did not complete";
        // The handler's own messages can be long and carry the provider's text: the start page shows a bounded line.
        var shown = Simulator.Core.Common.Echo.Clip(reason.ReplaceLineEndings(" "), 200);
        if (!http.Items.ContainsKey(Audited)) // a refusal of ours was audited as it was made
        {
            await http.RequestServices.GetRequiredService<IExerciseStore>().AuditAsync(new AuditEntry(
                http.RequestServices.GetRequiredService<ExerciseWallClock>().UtcNow, "sign-in-refused", null, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: {shown}"));
        }
        context.Response.Redirect("/#sign-in-failed=" + Uri.EscapeDataString(shown));
        context.HandleResponse();
    }

    /// <summary>GET /api/sign-in/oidc: to the provider, and back to the start page signed in.</summary>
    public static IResult Challenge() =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OidcSettings.Scheme]);
}
