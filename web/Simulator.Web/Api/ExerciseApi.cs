using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;
using Simulator.Scenarios.Diagnostics;
using Simulator.Web.Live;

namespace Simulator.Web.Api;

public sealed record CreateExerciseBody(string Scenario, long? Seed, string? Policy, double? Speed, string[]? Seats);

/// <summary>The small REST API under /api: scenarios, creating exercises, reading journals and outcomes. OpenAPI at /openapi/v1.json.</summary>
public static class ExerciseApi
{
    public const string KeyHeader = "X-Exercise-Key";

    public static void MapExerciseApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", (ScenarioLibrary library) => library.List())
            .WithSummary("The shipped scenarios a trainer can start");

        api.MapGet("/instruments", () => Simulator.Scenarios.Catalogue.CatalogueLoader.Shipped.Instruments.Select(i => new
            {
                id = i.Id, name = i.Name, legalBasis = i.LegalBasis, summary = i.Summary,
                purpose = Simulator.Core.Common.Names.Kebab(i.Purpose), emergencyOnly = i.EmergencyOnly,
                template = i.Template ?? Simulator.Core.Catalogue.RequestTemplate.Default,
            }))
            .WithSummary("The shipped instrument catalogue, in brief (simulator instruments --json prints it whole)");

        api.MapGet("/procedures", () => ProcedureDiagrams.All().Select(d => new { name = d.Name, description = d.Description, mermaid = d.Mermaid }))
            .WithSummary("The engine's procedure machines as Mermaid state diagrams: request, preservation, queue, provider, escalation");

        api.MapPost("/exercises", async (CreateExerciseBody body, ScenarioLibrary library, IGrainFactory grains, HttpContext http, Access.SignInSettings signIn,
            IExerciseStore store, ExerciseWallClock time) =>
        {
            // With organisers (Simulator:SignIn:Mode local), only one signed in creates, and is the exercise's organiser.
            var organiser = OrganiserApi.Organiser(http);
            if (signIn.Required && organiser is null)
                return Results.Problem("sign in as an organiser to create exercises: POST /api/sign-in (the start page asks)", statusCode: 401);
            if (string.IsNullOrWhiteSpace(body?.Scenario)) return Results.Problem("scenario: name a scenario: {\"scenario\": \"hospital-ransomware\"}; GET /api/scenarios lists them", statusCode: 400);
            if (body.Scenario.Length > 100) return Results.Problem("scenario: at most 100 characters; GET /api/scenarios lists the scenarios", statusCode: 400);
            if (body.Seats is { Length: > 1000 }) return Results.Problem("seats: at most 1000 entries", statusCode: 400);
            var text = library.Text(body.Scenario);
            if (text is null) return Results.Problem($"scenario: no scenario '{Simulator.Core.Common.Echo.Clip(body.Scenario)}'; GET /api/scenarios lists them", statusCode: 404);
            var id = Credentials.NewExerciseId();
            try
            {
                var created = await grains.GetGrain<IExerciseGrain>(id).Create(
                    new CreateExercise(body.Scenario, body.Seed ?? 1, body.Policy ?? "preserve-then-mla", body.Speed ?? 3600, body.Seats ?? [], signIn.Required ? organiser : null), text);
                await store.AuditAsync(new AuditEntry(time.UtcNow, "exercise-created", signIn.Required ? organiser : null, id, http.Connection.RemoteIpAddress?.ToString(), body.Scenario));
                return Results.Created($"/api/exercises/{id}", created);
            }
            catch (Exception e) when (e is ExerciseException or FileProblemsException)
            {
                return Results.Problem(e.Message, statusCode: 400);
            }
        }).WithSummary("Create an exercise from a shipped scenario; returns the trainer key, one code per seat and the observer code")
          .Produces<ExerciseCreated>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/exercises/{id}/clock", async (string id, IGrainFactory grains, IExerciseStore store) =>
            await store.GetAsync(id) is null ? Results.NotFound() : Results.Ok(await grains.GetGrain<IExerciseGrain>(id).Clock()))
            .WithSummary("The exercise's simulated clock").Produces<ClockState>().Produces(StatusCodes.Status404NotFound);

        api.MapGet("/exercises/{id}/journal", async (string id, [FromHeader(Name = KeyHeader)] string? key, IGrainFactory grains, IExerciseStore store, HttpContext http) =>
        {
            // The journal holds the MSEL's sealed expected actions, and its hash chain forbids cutting them out: trainer only.
            if (await Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            return Results.Text(await grains.GetGrain<IExerciseGrain>(id).JournalText(), "application/x-ndjson");
        }).WithSummary("The hash-chained journal as JSON lines (trainer key in X-Exercise-Key); check it with `simulator verify`")
          .Produces<string>(contentType: "application/x-ndjson").Keyed();

        api.MapGet("/exercises/{id}/record", async (string id, [FromHeader(Name = KeyHeader)] string? key, IGrainFactory grains, IExerciseStore store, HttpContext http) =>
        {
            if (await Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            var json = await grains.GetGrain<IExerciseGrain>(id).RecordJson(Identities.Normal(key));
            return Results.Text(json, "application/json", System.Text.Encoding.UTF8);
        }).WithSummary("The exercise record for `simulator replay`: scenario, seed, seats, every decision and the journal (trainer key in X-Exercise-Key)")
          .Produces<string>(contentType: "application/json").Keyed();

        api.MapGet("/exercises/{id}/outcome", async (string id, [FromHeader(Name = KeyHeader)] string? key, IGrainFactory grains, IExerciseStore store, HttpContext http) =>
        {
            if (await Authorised(id, key, trainerOnly: false, http) is { } problem) return problem;
            return Results.Text(JsonSerializer.Serialize(await grains.GetGrain<IExerciseGrain>(id).Outcome(), JournalJson.Indented), "application/json");
        }).WithSummary("The outcome so far, as `simulator run --json` prints it (trainer key or observer code in X-Exercise-Key)")
          .Produces<string>(contentType: "application/json").Keyed();
    }


    /// <summary>Null when the key opens this exercise for the trainer (or, unless <paramref name="trainerOnly"/>, observers); else the problem to answer.</summary>
    internal static async Task<IResult?> Authorised(string id, string? key, bool trainerOnly, HttpContext http)
    {
        // Guessing keys (and exercise ids) is throttled per address and per exercise (Access/AttemptThrottle): only wrong
        // ones count, so the exercise's own trainer, elsewhere, is never locked out by someone else's guesses.
        var throttle = http.RequestServices.GetRequiredService<Access.AttemptThrottle>();
        var attempt = throttle.Begin(null, http.Connection.RemoteIpAddress, Access.AttemptThrottle.ExerciseKeys(id), out var tooMany);
        if (attempt is null) return Access.AttemptThrottle.TooMany(http, tooMany!);
        var identities = http.RequestServices.GetRequiredService<Identities>();
        Admission? found;
        try
        {
            if (await http.RequestServices.GetRequiredService<IExerciseStore>().GetAsync(id) is null)
            {
                throttle.Failed(attempt);
                return Results.NotFound();
            }
            found = await identities.FindAsync(key);
        }
        catch { throttle.Failed(attempt); throw; } // settled, so the place cannot stand as "being checked"
        // A token that no longer opens the exercise was not guessed: it is not counted as wrong, and the answer says why.
        if (found?.ExerciseId == id) throttle.Succeeded(attempt);
        else throttle.Failed(attempt);
        if (found?.ExerciseId == id && found.Token is { } token && Identities.Closed(token, http.RequestServices.GetRequiredService<ExerciseWallClock>().UtcNow) is { } closed)
            return Results.Problem(closed, statusCode: 403);
        Identity? who;
        try { who = await identities.IdentifyAsync(id, key); }
        catch (ExerciseException) { who = null; }
        if (trainerOnly && who is not { IsTrainer: true })
            return Results.Problem($"send the trainer key in the {KeyHeader} header: this holds the MSEL's sealed expected actions", statusCode: 403);
        if (who is not { Oversees: true })
            return Results.Problem($"send the trainer key or the observer code in the {KeyHeader} header", statusCode: 403);
        return null;
    }

    /// <summary>What every endpoint guarded by <see cref="KeyHeader"/> may answer besides its content.</summary>
    internal static RouteHandlerBuilder Keyed(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
}
