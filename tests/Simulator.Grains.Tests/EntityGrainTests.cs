using Simulator.Core.Decisions;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;

namespace Simulator.Grains.Tests;

/// <summary>
/// The state, provider and investigation grains keep their entity's state in Orleans grain storage (the SQLite
/// file), follow the exercise step by step, and check who may see them.
/// </summary>
public sealed class EntityGrainTests(ClusterFixture f) : IClassFixture<ClusterFixture>
{
    private async Task<(IExerciseGrain Grain, ExerciseCreated Created, DateTimeOffset Start)> NewExercise()
    {
        var id = Credentials.NewExerciseId();
        var grain = f.Client.GetGrain<IExerciseGrain>(id);
        var created = await grain.Create(new CreateExercise("hospital-ransomware", 4, "preserve-then-mla", 3600, ["AL/contact-point", "BE/contact-point"]), ClusterFixture.ScenarioText());
        return (grain, created, (await grain.Clock()).Start);
    }

    private static string Code(ExerciseCreated e, string seat) => e.Seats.Single(s => s.Seat == seat).Code;

    /// <summary>A state as hub clients receive it: JSON in the journal's style.</summary>
    private static JsonElement Json<T>(T state) => JsonSerializer.SerializeToElement(state, Simulator.Core.Journal.JournalJson.Options);
    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The row Orleans grain storage wrote for a grain, read straight from the database file.</summary>
    private JsonElement? Stored(string grainType, string key, string stateName)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(f.DataFolder, "test.db")}");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT payload FROM grain_state WHERE grain_id = $grain AND state_name = $name";
        query.Parameters.AddWithValue("$grain", $"{grainType}/{key}");
        query.Parameters.AddWithValue("$name", stateName);
        return query.ExecuteScalar() is string payload ? JsonDocument.Parse(payload).RootElement.Clone() : null;
    }

    [Fact]
    public async Task Each_entity_keeps_its_part_with_the_machines_states_in_grain_storage_and_follows_every_step()
    {
        var (grain, ex, start) = await NewExercise();
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(7)));
        var sent = await grain.Decide(Code(ex, "AL/contact-point"), NewId(), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]));
        Assert.True(sent.Accepted, sent.Message);

        // Recorded after the step (in the background, so RecordEntities waits for it): the sending state's desk in
        // storage shows the request as its machine stands.
        await grain.RecordEntities();
        var desk = Stored("jurisdiction", $"{ex.ExerciseId}/AL", "desk")!.Value;
        var line = desk.GetProperty("sent").EnumerateArray().Single(r => r.GetProperty("request").GetString() == sent.Request);
        Assert.Equal("sent", line.GetProperty("state").GetString());
        Assert.Equal("monitoring", line.GetProperty("escalation").GetString());
        Assert.Equal((await grain.JournalText()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, desk.GetProperty("through").GetInt64());

        // Two days on, the requested state received it and the holder preserved the item: each grain has its part.
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(2)));
        await grain.RecordEntities();
        var received = Stored("jurisdiction", $"{ex.ExerciseId}/BE", "desk")!.Value.GetProperty("received").EnumerateArray()
            .Single(r => r.GetProperty("request").GetString() == sent.Request);
        Assert.Equal("AL", received.GetProperty("from").GetString());
        Assert.Equal("BE/contact-point", received.GetProperty("reviewer").GetString());
        var holding = Stored("provider", $"{ex.ExerciseId}/hostbay", "holdings")!.Value.GetProperty("holdings").EnumerateArray()
            .Single(h => h.GetProperty("evidence").GetString() == "c2-flow-logs");
        Assert.True(holding.GetProperty("exists").GetBoolean());

        // Who plays each state: a trainee holds AL's contact point, and the exercise's policy AL's other offices and
        // every office of the unseated states.
        Assert.Equal(["AL/contact-point"], desk.GetProperty("seats").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("preserve-then-mla", desk.GetProperty("policy").GetString());
        Assert.Equal("preserve-then-mla", Stored("jurisdiction", $"{ex.ExerciseId}/DR", "desk")!.Value.GetProperty("policy").GetString());

        // What the grain serves is what it stored.
        var served = Json(await f.Client.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/BE").Desk(ex.TrainerKey));
        Assert.Equal(Stored("jurisdiction", $"{ex.ExerciseId}/BE", "desk")!.Value.GetRawText(), served.GetRawText());
    }

    [Fact]
    public async Task An_entity_grain_comes_back_from_storage_and_ignores_an_older_state()
    {
        var (grain, ex, start) = await NewExercise();
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddDays(1)));
        await grain.RecordEntities();
        var provider = f.Client.GetGrain<IProviderGrain>($"{ex.ExerciseId}/hostbay");
        var held = await provider.Holdings(ex.ObserverCode);
        var before = Json(held).GetRawText();

        await f.Cluster.DeactivateAsync((Orleans.Runtime.IAddressable)provider);
        await f.Cluster.WaitForDeactivationAsync((Orleans.Runtime.IAddressable)provider);
        Assert.Equal(before, Json(await provider.Holdings(ex.ObserverCode)).GetRawText());

        // A state stamped with an earlier journal length by the same activation (a late message) is refused.
        var current = held;
        Assert.False(await provider.Record(current with { Through = current.Through - 1, Holdings = [] }));
        Assert.False(await provider.Record(current with { Writer = current.Writer - 1, Through = current.Through + 10, Holdings = [] }));
        Assert.Equal(before, Json(await provider.Holdings(ex.ObserverCode)).GetRawText());

        // A later activation of the exercise replaces it even with a shorter journal: after a crash, the replay may
        // have run less far than the lost activation had, and the exercise goes on from there.
        Assert.True(await provider.Record(current with { Writer = current.Writer + 1, Through = current.Through - 5, Holdings = [] }));
        Assert.Empty(Json(await provider.Holdings(ex.ObserverCode)).GetProperty("holdings").EnumerateArray());
    }

    [Fact]
    public async Task Entity_grains_show_each_caller_only_what_their_role_may_see()
    {
        var (grain, ex, start) = await NewExercise();
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(1)));
        var investigation = f.Client.GetGrain<IInvestigationGrain>($"{ex.ExerciseId}/hospital-ransomware");
        var all = Json(await investigation.Status(ex.TrainerKey)).GetProperty("leads").GetArrayLength();
        var seat = Json(await investigation.Status(Code(ex, "AL/contact-point"))).GetProperty("leads");
        Assert.True(seat.GetArrayLength() < all, "a seat sees only the leads discovered so far");
        Assert.All(seat.EnumerateArray(), l => Assert.True(l.GetProperty("discovered").GetBoolean()));

        await Assert.ThrowsAsync<ExerciseException>(() => investigation.Status(Code(ex, "BE/contact-point")));
        await Assert.ThrowsAsync<ExerciseException>(() => f.Client.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/AL").Desk(Code(ex, "BE/contact-point")));
        await Assert.ThrowsAsync<ExerciseException>(() => f.Client.GetGrain<IProviderGrain>($"{ex.ExerciseId}/hostbay").Holdings(Code(ex, "AL/contact-point")));
        await Assert.ThrowsAsync<ExerciseException>(() => f.Client.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/ZZ").Desk(ex.TrainerKey));
        await Assert.ThrowsAsync<ExerciseException>(() => f.Client.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/AL").Desk("NOPE"));
        Assert.Null(Stored("jurisdiction", $"{ex.ExerciseId}/ZZ", "desk"));
    }

    [Fact]
    public async Task Entity_grains_catch_up_when_their_exercise_has_not_recorded_them_yet()
    {
        var (grain, ex, start) = await NewExercise();
        await grain.Control(ex.TrainerKey, new ClockControl("jump-to", To: start.AddHours(3)));
        await grain.RecordEntities();
        var firstWriter = Stored("jurisdiction", $"{ex.ExerciseId}/AL", "desk")!.Value.GetProperty("writer").GetInt64();
        // As after an upgrade from a version that kept no entity state: the rows are gone, nothing is active. The
        // exercise records a missing entity when its grain asks, and only one that exists.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(f.DataFolder, "test.db")}"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM grain_state WHERE grain_id LIKE $pattern";
            delete.Parameters.AddWithValue("$pattern", $"%/{ex.ExerciseId}/%");
            Assert.True(delete.ExecuteNonQuery() > 0);
        }
        var al = f.Client.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/AL");
        foreach (var active in new Orleans.Runtime.IAddressable[] { grain, al })
        {
            await f.Cluster.DeactivateAsync(active);
            await f.Cluster.WaitForDeactivationAsync(active);
        }

        var desk = Json(await al.Desk(ex.TrainerKey));
        Assert.Equal("AL", desk.GetProperty("state").GetString());
        Assert.Equal(start.AddHours(3), desk.GetProperty("at").GetDateTimeOffset());
        Assert.True(desk.GetProperty("writer").GetInt64() > firstWriter, "each activation of the exercise writes as a later writer");
        Assert.False(await grain.RecordEntity("jurisdiction", "ZZ"));
        Assert.False(await grain.RecordEntity("ledger", "AL"));
    }
}
