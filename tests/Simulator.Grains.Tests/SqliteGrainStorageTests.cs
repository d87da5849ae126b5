using Orleans.Storage;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

public sealed class SqliteGrainStorageTests
{
    private sealed record Counter(int Value, IReadOnlyList<string> Seen);

    private static readonly GrainId Grain = GrainId.Create("counter", "exercise/one");

    private static SqliteGrainStorage NewStorage() =>
        new(Path.Combine(Directory.CreateTempSubdirectory("simulator-grain-storage-").FullName, "test.db"));

    [Fact]
    public async Task A_state_written_reads_back_and_a_missing_one_reads_as_absent()
    {
        var storage = NewStorage();
        var missing = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);

        var written = new GrainState<Counter>(new Counter(3, ["a", "b"]));
        await storage.WriteStateAsync("state", Grain, written);
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(3, read.State!.Value);
        Assert.Equal(["a", "b"], read.State.Seen);
        Assert.Equal(written.ETag, read.ETag);

        await storage.ClearStateAsync("state", Grain, read);
        var cleared = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, cleared);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_and_changes_nothing()
    {
        var storage = NewStorage();
        var first = new GrainState<Counter>(new Counter(1, []));
        await storage.WriteStateAsync("state", Grain, first);
        var stale = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, stale);

        first.State = new Counter(2, []);
        await storage.WriteStateAsync("state", Grain, first);
        stale.State = new Counter(99, []);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Grain, stale));
        // A second activation writing as if nothing were stored is refused too.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Grain, new GrainState<Counter>(new Counter(7, []))));

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task After_a_clear_a_copy_from_before_it_can_neither_write_nor_clear()
    {
        var storage = NewStorage();
        var owner = new GrainState<Counter>(new Counter(1, []));
        await storage.WriteStateAsync("state", Grain, owner);
        var stale = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, stale);

        await storage.ClearStateAsync("state", Grain, owner);
        Assert.False(owner.RecordExists);
        owner.State = new Counter(5, []);
        await storage.WriteStateAsync("state", Grain, owner); // the clearing copy goes on

        stale.State = new Counter(99, []);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", Grain, stale));
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("state", Grain, read);
        Assert.Equal(5, read.State!.Value);
    }
}
