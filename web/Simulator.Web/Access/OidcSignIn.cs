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
    private const string RefusalCode = "oidc-refusal";

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
            // The provider's front-channel sign-out would end an organiser's cookie from any site's link: not offered.
            o.RemoteSignOutPath = new PathString();
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
        (string Code, string Why)? Problem()
        {
            if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(issuer)) return ("no-name", "the provider's answer names no account (sub)");
            if (claimed is null) return ("no-name", $"the provider's answer has no '{oidc.NameClaim}' claim to name the organiser (Simulator:SignIn:Oidc:NameClaim)");
            if (Passwords.NameProblem(claimed) is not null) return ("no-name", $"the account's {oidc.NameClaim} is not an organiser name: 1 to 60 letters, digits, '.', '-', '_' or '@'");
            if (oidc.RequiredClaim is { } required && !principal.HasClaim(required.Type, required.Value))
                return ("not-organiser", $"this account is not an organiser of this server (it needs {required.Type} {required.Value} at the provider)");
            return null;
        }
        if (Problem() is { } problem)
        {
            await RefuseAsync(context, store, now, null, problem.Code, problem.Why);
            return;
        }
        var name = Passwords.Normal(claimed!);
        var marker = OidcSettings.Marker(issuer!, subject!);
        var organiser = await store.FindOrganiserAsync(name);
        // A removed organiser's exercises keep its name: an account that claims the name afterwards is not made their
        // organiser by itself (the server's administrator decides, and its trainer keys still open them).
        if (organiser is null && (await store.ExercisesOfAsync(name)).Count > 0)
        {
            await RefuseAsync(context, store, now, name, "name-taken", "an organiser of this name had exercises on this server and was removed: its administrator decides who holds the name");
            return;
        }
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
            await RefuseAsync(context, store, now, name, "name-taken", "an organiser of this name already exists on this server, and is not this account");
            return;
        }
        context.Principal = Api.OrganiserApi.PrincipalFor(organiser, now);
        await store.AuditAsync(new AuditEntry(now, "sign-in", name, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: "oidc"));
    }

    /// <summary>A refusal of ours: audited with its reason, and its code kept for the start page.</summary>
    private static async Task RefuseAsync(TokenValidatedContext context, IExerciseStore store, DateTimeOffset now, string? name, string code, string why)
    {
        await store.AuditAsync(new AuditEntry(now, "sign-in-refused", name, Address: context.HttpContext.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: {why}"));
        context.HttpContext.Items[RefusalCode] = code;
        context.Fail(why);
    }

    /// <summary>
    /// Anything that went wrong on the way back from the provider: the start page is told by a code (its address's
    /// fragment: #sign-in-failed=not-organiser, name-taken, no-name, failed), never given text a crafted link could
    /// forge, and never a 500. The reasons are in the audit log; except a return that carries no state of ours (a
    /// link anyone can send), which is not a sign-in and is not written down.
    /// </summary>
    private static async Task Refused(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var code = http.Items[RefusalCode] as string;
        if (code is null && context.Properties is not null)
        {
            var reason = Simulator.Core.Common.Echo.Clip((context.Failure?.Message ?? "the sign-in did not complete").ReplaceLineEndings(" "), 200);
            await http.RequestServices.GetRequiredService<IExerciseStore>().AuditAsync(new AuditEntry(
                http.RequestServices.GetRequiredService<ExerciseWallClock>().UtcNow, "sign-in-refused", null, Address: http.Connection.RemoteIpAddress?.ToString(), Detail: $"oidc: {reason}"));
        }
        context.Response.Redirect("/#sign-in-failed=" + (code ?? "failed"));
        context.HandleResponse();
    }

    /// <summary>GET /api/sign-in/oidc: to the provider, and back to the start page signed in.</summary>
    public static IResult Challenge() =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OidcSettings.Scheme]);
}
