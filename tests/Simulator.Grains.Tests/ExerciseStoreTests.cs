using Simulator.Core.Decisions;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

/// <summary>The embedded store, on a real SQLite file.</summary>
public sealed class ExerciseStoreTests
{
    private static readonly Simulator.Grains.Access.SecretHasher Secrets = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static StoredExercise Exercise(string id, bool running, string? catalogue = null) =>
        new(id, "hospital-ransomware", "scenario: x", 1, "none", new DateTimeOffset(2026, 9, 7, 6, 0, 0, TimeSpan.Zero), running, 3600, catalogue, catalogue is null ? null : "2026.12.1");

    [Fact]
    public async Task Only_exercises_whose_clock_was_running_are_listed_to_be_woken_at_start_up()
    {
        var store = new SqliteExerciseStore(Path.Combine(Directory.CreateTempSubdirectory("simulator-store-").FullName, "s.db"), Secrets);
        await store.CreateAsync(Exercise("paused", running: false), []);
        await store.CreateAsync(Exercise("running", running: true), []);
        Assert.Equal(["paused", "running"], await store.ExerciseIdsAsync());
        Assert.Equal(["running"], await store.ExerciseIdsAsync(runningOnly: true));
        await store.SaveClockAsync("running", new DateTimeOffset(2026, 9, 8, 6, 0, 0, TimeSpan.Zero), running: false, 3600);
        Assert.Empty(await store.ExerciseIdsAsync(runningOnly: true));
    }

    [Fact]
    public async Task A_pin_is_set_once_and_a_decision_id_is_kept_once()
    {
        var store = new SqliteExerciseStore(Path.Combine(Directory.CreateTempSubdirectory("simulator-store-").FullName, "s.db"), Secrets);
        await store.CreateAsync(Exercise("old", running: false), []);
        await store.PinAsync("old", "catalogue: first", "2026.12.1");
        await store.PinAsync("old", "catalogue: second", "2027.1.1"); // an exercise keeps the law it was first pinned to
        var pinned = (await store.GetAsync("old"))!;
        Assert.Equal(("catalogue: first", "2026.12.1"), (pinned.CatalogueText, pinned.RulesVersion));

        var at = new DateTimeOffset(2026, 9, 7, 19, 0, 0, TimeSpan.Zero);
        await store.AppendDecisionAsync("old", new RecordedDecision(1, "same", at, new FireInject("judge-on-call"), new JournalMark(40, new string('a', 64))));
        await Assert.ThrowsAsync<DuplicateDecisionException>(() => store.AppendDecisionAsync("old", new RecordedDecision(2, "same", at, new FireInject("judge-on-call"))));
        var kept = Assert.Single(await store.DecisionsAsync("old"));
        Assert.Equal((1L, "same", new FireInject("judge-on-call") as Decision, new JournalMark(40, new string('a', 64))), (kept.Sequence, kept.Id, kept.Decision, kept.After));
    }

    [Fact]
    public async Task Codes_an_earlier_version_stored_in_clear_are_kept_hashed_and_another_key_is_refused_by_name()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("simulator-store-").FullName, "s.db");
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            // The tables as main d3ed95b wrote them: codes and keys in clear.
            create.CommandText = """
                CREATE TABLE exercises (id TEXT PRIMARY KEY, scenario TEXT NOT NULL, scenario_text TEXT NOT NULL, seed INTEGER NOT NULL, policy TEXT NOT NULL,
                    trainer_key TEXT NOT NULL, observer_code TEXT NOT NULL, simulated_now TEXT NOT NULL, running INTEGER NOT NULL, speed REAL NOT NULL);
                CREATE TABLE codes (code TEXT PRIMARY KEY, exercise_id TEXT NOT NULL REFERENCES exercises(id), seat TEXT NOT NULL);
                INSERT INTO exercises VALUES ('ex-old', 'hospital-ransomware', 'scenario: x', 1, 'none', 'TRAINERKEY12', 'OBSERVE1', '2026-09-07T06:00:00.0000000Z', 0, 3600);
                INSERT INTO codes VALUES ('TRAINERKEY12', 'ex-old', 'trainer'), ('OBSERVE1', 'ex-old', 'observer'), ('SEATCODE', 'ex-old', 'AL/contact-point');
                """;
            create.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var store = new SqliteExerciseStore(path, Secrets);
        Assert.Equal("AL/contact-point", (await store.FindCodeAsync(Secrets.Hash(" seatcode ")))?.Seat); // read as people type it
        Assert.Equal("trainer", (await store.FindCodeAsync(Secrets.Hash("TRAINERKEY12")))?.Seat);
        Assert.Null(await store.FindCodeAsync(new Simulator.Grains.Access.CredentialHash("SEATCODE")));
        Assert.Equal(["AL/contact-point", "observer", "trainer"], (await store.CodesAsync("ex-old")).Select(c => c.Seat));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path);
        foreach (var secret in new[] { "TRAINERKEY12", "OBSERVE1", "SEATCODE" })
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(secret)) < 0, $"{secret} is still in the file");

        var other = new Simulator.Grains.Access.SecretHasher(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var refused = Assert.Throws<Simulator.Grains.Access.SecretKeyException>(() => new SqliteExerciseStore(path, other));
        Assert.Contains("hashed under another secret key", refused.Message);
    }

    [Fact]
    public void A_secret_key_is_made_readable_by_its_owner_only_and_a_bad_one_is_refused_with_what_is_wrong()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("simulator-key-").FullName, "keys", "secret.key");
        var made = Simulator.Grains.Access.SecretHasher.FromFile(file);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(made.Check, Simulator.Grains.Access.SecretHasher.FromFile(file).Check); // the same key when read again
        Assert.Equal(made.Hash("ab12"), made.Hash(" AB12\t"));
        Assert.Contains("not base64", Assert.Throws<Simulator.Grains.Access.SecretKeyException>(() => Simulator.Grains.Access.SecretHasher.FromText("not a key!", "Simulator:SecretKey")).Message);
        var shortKey = Assert.Throws<Simulator.Grains.Access.SecretKeyException>(() => Simulator.Grains.Access.SecretHasher.FromText(Convert.ToBase64String(new byte[16]), "Simulator:SecretKey"));
        Assert.Contains("Simulator:SecretKey: the secret key holds 16 bytes; it needs at least 32", shortKey.Message);
    }
}
