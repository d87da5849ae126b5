using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;
using Simulator.Web.Access;

namespace Simulator.Web.Api;

public sealed record SignInBody(string? Name, string? Password);

/// <summary>Whether this server has organisers sign in, who is signed in on this browser, and how one signs in: with a
/// local password (<see cref="Local"/>), at the organisation's provider (<see cref="Provider"/>, its name for the button).</summary>
public sealed record SignInState(bool Required, string? Organiser, bool Local = false, string? Provider = null);

/// <summary>
/// Organisers (issue 15 item 6): when the server is configured for it (Simulator:SignIn:Mode = local), creating an
/// exercise needs an organiser signed in, who is then its organiser: they list their exercises, and give a new trainer
/// key to one whose trainer lost theirs. Sign-in sets a cookie (HttpOnly, SameSite=Strict) for 12 hours; wrong
/// passwords are throttled as wrong codes are; every sign-in, refusal and creation goes to the audit log.
/// </summary>
public static class OrganiserApi
{
    /// <summary>The organiser signed in on this request, or null.</summary>
    public static string? Organiser(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    private const string StampClaim = "stamp", SignedInClaim = "signed-in-at";

    /// <summary>What ties a cookie to the account as it was when it was given: a new password (or a removed account) ends every cookie given before.</summary>
    private static string Stamp(StoredOrganiser organiser) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(organiser.PasswordHash)))[..16];

    /// <summary>Who a sign-in cookie says is signed in: the organiser, the account as it was (<see cref="Stamp"/>) and when.</summary>
    public static ClaimsPrincipal PrincipalFor(StoredOrganiser organiser, DateTimeOffset now) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, organiser.Name), new Claim(StampClaim, Stamp(organiser)),
         new Claim(SignedInClaim, now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture))], SignInSettings.Scheme));

    /// <summary>Every request with a cookie: its organiser still exists, with the password it signed in with, and has not signed out since.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<IExerciseStore>();
        var organiser = name is null ? null : await store.FindOrganiserAsync(name);
        if (organiser is null || context.Principal!.FindFirst(StampClaim)?.Value != Stamp(organiser)
            || organiser.SignedOutAt is { } signedOut && !(long.TryParse(context.Principal.FindFirst(SignedInClaim)?.Value, out var ticks) && ticks > signedOut.UtcTicks))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SignInSettings.Scheme);
        }
    }

    /// <summary>
    /// One password checked at a time: each costs 600,000 rounds of HMAC, and guesses sent at once must not take the
    /// server's cores from the exercises running on it.
    /// </summary>
    private static readonly SemaphoreSlim Checking = new(1, 1);

    /// <summary>
    /// Refuses a cookie-carrying POST a browser sends from another origin (its Sec-Fetch-Site says so): SameSite=Strict
    /// keeps other sites out, this keeps out another application on the same site (a sibling host, another port),
    /// whose form could otherwise end a trainer's consoles. Clients that are not browsers send no such header.
    /// </summary>
    private static async ValueTask<object?> SameOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var site = context.HttpContext.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site is not ("" or "same-origin" or "none"))
            return Results.Problem("refused: this request comes from another origin than the console", statusCode: 403);
        return await next(context);
    }

    private static IResult NotConfigured() =>
        Results.Problem("sign-in is not configured on this server (Simulator:SignIn:Mode is none): anyone who reaches it may create exercises", statusCode: 404);

    private static IResult SignInFirst() => Results.Problem("sign in as an organiser first: POST /api/sign-in with {\"name\", \"password\"}", statusCode: 401);

    public static void MapOrganiserApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        var posts = app.MapGroup("/api").AddEndpointFilter(SameOrigin);

        api.MapGet("/sign-in", (HttpContext http, SignInSettings settings) =>
                new SignInState(settings.Required, settings.Required ? Organiser(http) : null, settings.Local, settings.Oidc?.DisplayName))
            .WithSummary("Whether this server has organisers sign in, how (a local password, a provider), and who is signed in");

        api.MapGet("/sign-in/oidc", (SignInSettings settings) =>
                settings.Oidc is null ? Results.Problem("this server has no OpenID Connect provider (Simulator:SignIn:Mode)", statusCode: 404) : OidcSignIn.Challenge())
            .WithSummary("Signs an organiser in at the organisation's OpenID Connect provider: a redirect there, and back to the start page")
            .Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapPost("/sign-in", async (SignInBody body, HttpContext http, SignInSettings settings, IExerciseStore store, AttemptThrottle throttle, ExerciseWallClock time) =>
        {
            if (!settings.Required) return NotConfigured();
            if (!settings.Local) return Results.Problem($"this server's organisers sign in with {settings.Oidc!.DisplayName}: GET /api/sign-in/oidc", statusCode: 404);
            if (Passwords.NameProblem(body?.Name) is { } nameProblem) return Results.Problem(nameProblem, statusCode: 400);
            if (body!.Password is null or { Length: 0 or > Passwords.MaxLength }) return Results.Problem($"password: 1 to {Passwords.MaxLength} characters", statusCode: 400);
            var address = http.Connection.RemoteIpAddress;
            var attempt = throttle.Begin(null, address, AttemptThrottle.Password(Passwords.Normal(body.Name!)), out var tooMany);
            if (attempt is null) return AttemptThrottle.TooMany(http, tooMany!);
            StoredOrganiser? organiser;
            bool right;
            try
            {
                organiser = await store.FindOrganiserAsync(Passwords.Normal(body.Name!));
                // A wrong name costs the same time as a wrong password, and so does a provider's organiser (who has no
                // password here): none says which names exist, nor how they sign in.
                var local = organiser is not null && Passwords.IsHash(organiser.PasswordHash);
                await Checking.WaitAsync();
                try { right = Passwords.Verify(body.Password, local ? organiser!.PasswordHash : Passwords.Decoy) && local; }
                finally { Checking.Release(); }
            }
            catch { throttle.Failed(attempt); throw; } // settled, so the place cannot stand as "being checked"
            if (!right)
            {
                throttle.Failed(attempt);
                await store.AuditAsync(new AuditEntry(time.UtcNow, "sign-in-refused", organiser?.Name, Address: address?.ToString(),
                    Detail: organiser is null ? "no such organiser" : Passwords.IsHash(organiser.PasswordHash) ? "wrong password" : "a password for an organiser who signs in at the provider"));
                return Results.Problem("the name or the password is wrong", statusCode: 401);
            }
            throttle.Succeeded(attempt);
            await http.SignInAsync(SignInSettings.Scheme, PrincipalFor(organiser!, time.UtcNow));
            await store.AuditAsync(new AuditEntry(time.UtcNow, "sign-in", organiser!.Name, Address: address?.ToString()));
            return Results.NoContent();
        }).WithSummary("Signs an organiser in (a cookie); 401 for a wrong name or password, 429 after too many")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        posts.MapPost("/sign-out", async (HttpContext http, IExerciseStore store, ExerciseWallClock time) =>
        {
            // Signing out ends every sign-in of this organiser given so far, on every browser: a copied cookie too.
            if (Organiser(http) is { } organiser) await store.SignOutOrganiserAsync(organiser, time.UtcNow);
            await http.SignOutAsync(SignInSettings.Scheme);
            return Results.NoContent();
        }).WithSummary("Signs the organiser out on this browser");

        api.MapGet("/exercises", async (HttpContext http, SignInSettings settings, IExerciseStore store) =>
            !settings.Required ? NotConfigured()
            : Organiser(http) is not { } organiser ? SignInFirst()
            : Results.Ok(await store.ExercisesOfAsync(organiser)))
            .WithSummary("The signed-in organiser's exercises, newest first").Produces<IReadOnlyList<OrganisedExercise>>();

        posts.MapPost("/exercises/{id}/trainer-key", async (string id, HttpContext http, SignInSettings settings, IGrainFactory grains, IExerciseStore store) =>
        {
            if (!settings.Required) return NotConfigured();
            if (Organiser(http) is not { } organiser) return SignInFirst();
            // Someone else's exercise is answered as no exercise: an organiser learns nothing of the others'.
            if (await store.GetAsync(id) is not { } record || record.Organiser != organiser) return Results.Problem($"no exercise '{Simulator.Core.Common.Echo.Clip(id)}' of yours", statusCode: 404);
            return Results.Ok(await grains.GetGrain<IExerciseGrain>(id).ReissueTrainerKey(organiser));
        }).WithSummary("A new trainer key for one of the organiser's exercises: the old key stops working and the trainer consoles end")
          .Produces<SeatCode>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/audit", async (HttpContext http, SignInSettings settings, IExerciseStore store) =>
            !settings.Required ? NotConfigured()
            : Organiser(http) is not { } organiser ? SignInFirst()
            : Results.Ok(await store.AuditLogAsync(organiser)))
            .WithSummary("The audit log of the organiser's sign-ins and exercises").Produces<IReadOnlyList<AuditEntry>>();
    }
}
