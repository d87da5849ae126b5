using Microsoft.AspNetCore.Mvc;
using Simulator.Grains.Access;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;
using Simulator.Scenarios.Diagnostics;
using Simulator.Web.Live;

namespace Simulator.Web.Api;

/// <summary>The debrief under /api: the shipped overlays, an exercise's timeline, and branches of it (trainer key in X-Exercise-Key).</summary>
public static class DebriefApi
{
    public static void MapDebriefApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/overlays", (string? scenario, Debrief debrief) => debrief.Overlays(scenario))
            .WithSummary("The shipped what-if overlays (scenarios/overlays), for branches and `simulator compare --overlay`; ?scenario=ID keeps those that may apply to it");

        api.MapGet("/exercises/{id}/timeline", async (string id, [FromHeader(Name = ExerciseApi.KeyHeader)] string? key, IExerciseStore store, Debrief debrief, HttpContext http) =>
        {
            if (await ExerciseApi.Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            try { return Results.Ok(await debrief.TimelineAsync(id, Identities.Normal(key))); }
            catch (DebriefException e) { return Results.Problem(e.Message, statusCode: 409); }
        }).WithSummary("Every event of the exercise with a one-line summary, for stepping through it (trainer key)")
          .Produces<IReadOnlyList<TimelineEvent>>().ProducesProblem(StatusCodes.Status409Conflict).Keyed();

        api.MapGet("/exercises/{id}/reports/{kind}.{format}", async (string id, string kind, string format, [FromHeader(Name = ExerciseApi.KeyHeader)] string? key, IExerciseStore store, Debrief debrief, HttpContext http) =>
        {
            // The after-action report judges the MSEL's expected actions, which are sealed: trainer only.
            if (await ExerciseApi.Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            try
            {
                return await debrief.ReportAsync(id, Identities.Normal(key), kind, format) is { } report
                    ? Results.Text(report.Text, report.ContentType, System.Text.Encoding.UTF8)
                    : Results.Problem("reports: aar.html, aar.json, transparency.html, transparency.json", statusCode: 404);
            }
            catch (DebriefException e) { return Results.Problem(e.Message, statusCode: 409); }
        }).WithSummary("The after-action report (aar) or the transparency report, as self-contained HTML or JSON; provisional until the exercise ends (trainer key)")
          .Produces<string>(contentType: "text/html").ProducesProblem(StatusCodes.Status409Conflict).Keyed();

        api.MapGet("/exercises/{id}/communications.{format}", async (string id, string format, [FromHeader(Name = ExerciseApi.KeyHeader)] string? key, IExerciseStore store, Debrief debrief, HttpContext http) =>
        {
            // Seats' mail is sealed from everyone but its two ends and the trainer: trainer only.
            if (await ExerciseApi.Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            try
            {
                return await debrief.CommunicationsAsync(id, Identities.Normal(key), format) is { } log
                    ? Results.Text(log.Text, log.ContentType, System.Text.Encoding.UTF8)
                    : Results.Problem("communications: communications.csv or communications.json", statusCode: 404);
            }
            catch (DebriefException e) { return Results.Problem(e.Message, statusCode: 409); }
        }).WithSummary("Every message, referral and answer to an inject, in time order, as CSV (formula-safe) or JSON (trainer key)")
          .Produces<string>(contentType: "text/csv").ProducesProblem(StatusCodes.Status409Conflict).Keyed();

        api.MapPost("/exercises/{id}/branch", async (string id, BranchBody body, [FromHeader(Name = ExerciseApi.KeyHeader)] string? key, IExerciseStore store, Debrief debrief, HttpContext http) =>
        {
            if (await ExerciseApi.Authorised(id, key, trainerOnly: true, http) is { } problem) return problem;
            try { return Results.Ok(await debrief.BranchAsync(id, Identities.Normal(key), body)); }
            catch (DebriefException e) { return Results.Problem(e.Message, statusCode: 409); }
            catch (Exception e) when (e is ArgumentException or FileProblemsException or ExerciseException)
            {
                return Results.Problem(e.Message, statusCode: 400);
            }
        }).WithSummary("Replay the exercise with a policy taking the trainees' seats from `at`, and/or under an overlay, and compare with what happened (trainer key)")
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).Keyed();
    }

}
