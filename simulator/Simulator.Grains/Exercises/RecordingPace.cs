namespace Simulator.Grains.Exercises;

/// <summary>
/// When the entity recorder may start its next round. A round's cost grows with the exercise (each state's desk
/// lists every request it sent and received: half a megabyte of JSON after a thousand), and it shares the two
/// cores and the database's one writer with the decisions. So after each round the recorder rests
/// <see cref="RestPerRound"/> times as long as the round took, and never takes more than a tenth of the time however
/// large the exercise grows; after a failed record it rests <see cref="RestAfterFailure"/> before trying again.
/// Measured on the wall clock: it paces background work and touches nothing the journal holds.
/// </summary>
public sealed class RecordingPace(ExerciseWallClock time)
{
    public const int RestPerRound = 9;
    public static readonly TimeSpan RestAfterFailure = TimeSpan.FromSeconds(1);

    private (long From, TimeSpan For) _rest;

    /// <summary>A timestamp to pass to <see cref="RoundDone"/> when the round ends.</summary>
    public long RoundStarts() => time.GetTimestamp();

    public void RoundDone(long started) => _rest = (time.GetTimestamp(), time.GetElapsedTime(started, time.GetTimestamp()) * RestPerRound);

    public void RoundFailed() => _rest = (time.GetTimestamp(), RestAfterFailure);

    /// <summary>True while the recorder is to wait before starting another round.</summary>
    public bool Resting => time.GetElapsedTime(_rest.From, time.GetTimestamp()) < _rest.For;
}
