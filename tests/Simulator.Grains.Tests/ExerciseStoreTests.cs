using Simulator.Core.Decisions;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

/// <summary>The embedded store, on a real SQLite file.</summary>
public sealed class ExerciseStoreTests
{
    private static StoredExercise Exercise(string id, bool running, string? catalogue = null) =>
        new(id, "hospital-ransomware", "scenario: x", 1, "none", "K" + id, "O" + id, new DateTimeOffset(2026, 9, 7, 6, 0, 0, TimeSpan.Zero), running, 3600, catalogue, catalogue is null ? null : "2026.12.1");

    [Fact]
    public async Task Only_exercises_whose_clock_was_running_are_listed_to_be_woken_at_start_up()
    {
        var store = new SqliteExerciseStore(Path.Combine(Directory.CreateTempSubdirectory("simulator-store-").FullName, "s.db"));
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
        var store = new SqliteExerciseStore(Path.Combine(Directory.CreateTempSubdirectory("simulator-store-").FullName, "s.db"));
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
}
