using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// One live exercise's feed to the consoles: every journal event with the audience it had when it happened (fixed
/// then, by the core's hook as each event is appended, so that a lead discovered later does not widen who sees an
/// earlier loss), pushed to the web servers' observers after each step, and the same events, with the same
/// audiences, to a connection catching up. The audiences are not in the journal's hashed lines: the core rebuilds
/// them exactly on recovery, as it rebuilds the journal.
/// </summary>
internal sealed class LiveFeed(string exerciseId, ILogger log)
{
    private readonly List<IReadOnlyList<string>> _audiences = [];
    private readonly ObserverManager<IExerciseObserver> _observers = new(TimeSpan.FromMinutes(5), log);
    private int _pushed;
    private ClockState? _lastClock;
    /// <summary>The audiences that heard of events since their views were last sent.</summary>
    private readonly HashSet<string> _staleViews = [];
    /// <summary>The audiences each observer (web server) has consoles for: views are computed only for these.</summary>
    private readonly Dictionary<IExerciseObserver, IReadOnlySet<string>> _following = [];
    /// <summary>What the views keep from step to step, so that a step builds again only what it changed.</summary>
    private readonly ViewMemory _kept = new();

    /// <summary>The core appended an event: who may see it, as the exercise stands at that moment.</summary>
    public void Appended(JournalEntry entry, Simulation simulation) => _audiences.Add(Audience.Of(entry.Event, simulation));

    /// <summary>After a rebuild: what the journal held before this activation was pushed by the one before.</summary>
    public void SkipPushed(int events) => _pushed = events;

    public int Subscribers => _observers.Count;

    /// <summary>An observer (re)subscribes, with the audiences it has consoles for now.</summary>
    public void Subscribe(IExerciseObserver observer, IReadOnlyList<string> audiences)
    {
        _observers.Subscribe(observer, observer);
        _following[observer] = audiences.ToHashSet(StringComparer.Ordinal);
    }

    public void Unsubscribe(IExerciseObserver observer)
    {
        _observers.Unsubscribe(observer);
        _following.Remove(observer);
    }

    /// <summary>
    /// After a step: sends every journal event not yet pushed to the observers, with who may see it, and the clock.
    /// Nothing is sent when nothing happened and the clock stands where it stood (a refused decision, a pause when paused).
    /// </summary>
    public void Push(Simulation simulation, ClockState clock)
    {
        var entries = simulation.Journal.Entries;
        var batch = new List<LiveEvent>(Math.Max(0, entries.Count - _pushed));
        for (var i = _pushed; i < entries.Count; i++) batch.Add(Live(entries[i], i));
        _pushed = entries.Count;
        if (batch.Count == 0 && clock == _lastClock) return;
        _lastClock = clock;
        if (_observers.Count == 0) return;
        foreach (var e in batch) _staleViews.UnionWith(e.Audience);
        _observers.Notify(o => o.OnEvents(exerciseId, batch, clock));
    }

    /// <summary>
    /// Sends the views of the audiences that heard of events since their views were last sent (the grain's timer
    /// calls it a tenth of a second after a step, so that the views do not compete with the events still on their
    /// way to hundreds of consoles): each computed once for all its consoles (a state's seats share one), instead of
    /// every console asking for its view again, and a burst of steps costs one view, not one per step. An audience
    /// no server has a console for gets none: whoever joins later asks for the view as it joins.
    /// </summary>
    public void SendViews(Simulation simulation, ClockState clock)
    {
        foreach (var gone in _following.Keys.Where(o => !_observers.Observers.ContainsKey(o)).ToList()) _following.Remove(gone); // expired
        // A seat's view is stale when an event reached it, by its seat or by its state.
        var stale = _following.Values.SelectMany(a => a).Distinct().Where(f => _staleViews.Any(a => Audience.Reaches(a, f))).ToList();
        if (stale.Count > 0)
        {
            var views = ExerciseViews.ForAudiences(stale, simulation, _kept);
            var last = simulation.Journal.Entries.Count;
            _observers.Notify(o => o.OnViews(exerciseId, views, clock, last));
        }
        _staleViews.Clear();
    }

    /// <summary>The entity grains hold new states: tells the observers which audiences may read them.</summary>
    public void EntitiesRecorded(IReadOnlyList<string> audiences)
    {
        if (_observers.Count > 0) _observers.Notify(o => o.OnEntitiesRecorded(exerciseId, audiences).Ignore()); // one-way
    }

    /// <summary>Tokens that open nothing any more (revoked, left, or <paramref name="expired"/>): every web server disconnects the consoles holding them.</summary>
    public void AccessEnded(IReadOnlyList<string> tokenIds, bool expired)
    {
        if (_observers.Count > 0 && tokenIds.Count > 0) _observers.Notify(o => o.OnAccessEnded(exerciseId, tokenIds, expired).Ignore()); // one-way
    }

    /// <summary>The events after <paramref name="afterSequence"/> that <paramref name="audience"/> (an identity's, <see cref="Audience.For"/>) was, or would have been, pushed.</summary>
    public IReadOnlyList<LiveEvent> CatchUp(Simulation simulation, string audience, long afterSequence, int max)
    {
        var entries = simulation.Journal.Entries;
        var list = new List<LiveEvent>();
        for (var i = (int)Math.Clamp(afterSequence, 0, entries.Count); i < entries.Count && list.Count < max; i++)
            if (Audience.Reaches(_audiences[i], audience)) list.Add(SealedContent.ForAudience(Live(entries[i], i), audience));
        return list;
    }

    private LiveEvent Live(JournalEntry e, int index) =>
        new(e.Sequence, e.At, e.Type, JsonSerializer.Serialize(e.Event, e.Event.GetType(), JournalJson.Options), _audiences[index]);
}
