using Microsoft.Extensions.Time.Testing;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

/// <summary>
/// The entity grains are recorded in the background, beside the decisions: the recorder spaces its rounds by what
/// they cost, and the writes of both stores to one database file go in one at a time, each as soon as the one before
/// it ends (docs/performance.md, "actions in a large exercise").
/// </summary>
public sealed class BackgroundRecordingTests
{
    [Fact]
    public void After_a_round_the_recorder_rests_nine_times_as_long_as_the_round_took_and_a_second_after_a_failure()
    {
        var time = new FakeTimeProvider();
        var pace = new RecordingPace(new ExerciseWallClock(time));
        Assert.False(pace.Resting); // nothing recorded yet: the first round may start at once

        var started = pace.RoundStarts();
        time.Advance(TimeSpan.FromMilliseconds(50)); // a round of a large exercise
        pace.RoundDone(started);
        time.Advance(TimeSpan.FromMilliseconds(449));
        Assert.True(pace.Resting);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(pace.Resting);

        // A round of a small exercise costs next to nothing, and so does its rest.
        pace.RoundDone(pace.RoundStarts());
        Assert.False(pace.Resting);

        pace.RoundFailed();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(pace.Resting);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(pace.Resting);
    }

    [Fact]
    public void A_write_through_one_store_waits_for_a_write_through_the_other_to_the_same_file_and_goes_in_when_it_ends()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("simulator-writers-gate-").FullName, "test.db");
        var exercises = new SqliteFile(path, powerLossSafe: false);
        var entities = new SqliteFile(path, powerLossSafe: false);
        using var firstInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        var secondEntered = false;

        var first = new Thread(() => exercises.Write(_ => { firstInside.Set(); releaseFirst.Wait(); }));
        first.Start();
        firstInside.Wait();
        var second = new Thread(() => entities.Write(_ => secondEntered = true));
        second.Start();

        // The second writer is blocked at the gate (not in SQLite: the first holds no database lock).
        Assert.True(SpinWait.SpinUntil(() => second.ThreadState.HasFlag(ThreadState.WaitSleepJoin), TimeSpan.FromSeconds(10)), "the second write did not wait");
        Assert.False(secondEntered);
        releaseFirst.Set();
        Assert.True(second.Join(TimeSpan.FromSeconds(10)));
        Assert.True(secondEntered);
        first.Join();
    }
}
