using Simulator.Core.Journal;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>The exercise's clock: a grain timer moves the simulated clock at the trainer's speed; the trainer starts, pauses, speeds and jumps it.</summary>
public sealed partial class ExerciseGrain
{
    /// <summary>Real time between clock ticks of a running exercise.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);
    public const double MaxSpeed = 7 * 86400;

    private bool _running;
    private double _speed = 1;
    private long _lastTick;
    private DateTimeOffset _savedNow;
    /// <summary>The journal's length when the clock was last stored: entries past it are not yet durable.</summary>
    private int _savedEntries;
    private IGrainTimer? _timer;

    public Task<ClockState> Clock() => Task.FromResult(ClockNow());

    private ClockState ClockNow()
    {
        var s = Sim;
        return new ClockState(s.Now, _running, _speed, s.World.Start, s.World.End, s.NextEventAt, s.Ended);
    }

    public async Task<ClockState> Control(string credential, ClockControl control)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer controls the clock");
        var s = Sim;
        switch (control.Kind)
        {
            case not "pause" when _divergence is not null:
                throw new ExerciseException(_divergence);
            case "start" or "resume":
                if (s.Ended) throw new ExerciseException("the exercise has ended");
                StartClock();
                break;
            case "pause":
                StopClock();
                break;
            case "speed":
                if (control.Speed is not { } speed || speed < 1 || speed > MaxSpeed)
                    throw new ExerciseException($"speed must be between 1 (real time) and {MaxSpeed} simulated seconds per real second");
                Advance();
                _speed = speed;
                break;
            case "jump-to":
                if (control.To is not { } to || to < s.Now)
                    throw new ExerciseException($"jump-to needs a time after now ({JournalJson.Instant(s.Now)})");
                s.RunUntil(to);
                break;
            case "jump-next":
                if (s.NextEventAt is { } next) s.RunUntil(next);
                break;
            default:
                throw new ExerciseException($"unknown clock control '{control.Kind}': use start, pause, resume, speed, jump-to or jump-next");
        }
        if (s.Now >= s.World.End && !s.Ended)
        {
            s.Finish("scenario horizon reached");
            StopClock();
        }
        await SaveClockAsync(force: true);
        Push();
        return ClockNow();
    }

    private void StartClock()
    {
        _running = true;
        _lastTick = time.GetTimestamp();
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TickInterval, TickInterval) { Interleave = false, KeepAlive = true });
    }

    private void StopClock()
    {
        Advance();
        _running = false;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Moves the simulated clock by the real time elapsed since the last tick, at the current speed.</summary>
    private void Advance()
    {
        if (!_running) return;
        var now = time.GetTimestamp();
        var real = time.GetElapsedTime(_lastTick, now);
        _lastTick = now;
        var s = Sim;
        var target = s.Now + TimeSpan.FromTicks((long)(real.Ticks * _speed));
        s.RunUntil(target > s.World.End ? s.World.End : target);
        if (s.Now >= s.World.End && !s.Ended)
        {
            s.Finish("scenario horizon reached");
            _running = false;
        }
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (!_running) return;
        Advance();
        // What consoles are shown is durable first (issue 15 item 8): a tick that brings events stores the clock before
        // it pushes them, so a server killed after the push resumes at or after them and replays them, instead of
        // rewinding until the clock passes them again. Reaching the horizon stops the clock: stored whatever the pace.
        await SaveClockAsync(force: !_running || Sim.Journal.Entries.Count > _savedEntries);
        Push();
        if (!_running) StopClock();
    }

    private async Task SaveClockAsync(bool force)
    {
        var s = Sim;
        if (!force && s.Now - _savedNow < TimeSpan.FromSeconds(1) * Math.Max(1, _speed)) return;
        await store.SaveClockAsync(Id, s.Now, _running, _speed);
        _savedNow = s.Now;
        _savedEntries = s.Journal.Entries.Count;
    }
}
