using Simulator.Core.Common;
using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Evaluation;
using Simulator.Core.Journal;

namespace Simulator.Core.Engine;

/// <summary>
/// The evaluator's ratings and observations and the hot wash: journalled like every decision, so they replay with
/// the exercise and reach the after-action report, and taken after the end too (that is when most of them come).
/// They change nothing in the exercise itself.
/// </summary>
public sealed partial class Simulation
{
    private readonly List<TaskRating> _taskRatings = [];
    private readonly List<Observation> _observations = [];
    private readonly List<HotWashEntry> _hotWash = [];

    /// <summary>Every rating the evaluator gave, in order; the last one of a task is the one that stands.</summary>
    public IReadOnlyList<TaskRating> TaskRatings => _taskRatings;
    public IReadOnlyList<Observation> Observations => _observations;
    public IReadOnlyList<HotWashEntry> HotWashEntries => _hotWash;

    /// <summary>The rating that stands for each task or objective the evaluator rated.</summary>
    public IReadOnlyDictionary<string, TaskRating> CurrentTaskRatings()
    {
        var current = new Dictionary<string, TaskRating>(StringComparer.Ordinal);
        foreach (var r in _taskRatings) current[r.Task] = r;
        return current;
    }

    /// <summary>Whether a task or objective id is one the evaluator can rate: a critical task of the guides, or an objective.</summary>
    public bool IsRateable(string id) =>
        World.EvaluationGuides.Any(g => g.Tasks.Any(t => t.Id == id)) || World.Objectives.Any(o => o.Id == id);

    private DecisionResult Rate(RateTask r)
    {
        if (!IsRateable(r.Task)) return DecisionResult.Rejected($"task: no critical task or objective '{r.Task}' in this scenario's evaluation guides");
        if (r.Notes?.Length > MessageLimits.Text) return DecisionResult.Rejected($"notes: at most {MessageLimits.Text} characters");
        var notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim();
        _taskRatings.Add(new TaskRating(r.Task, r.Rating, notes, Now));
        Record(new TaskRated(r.Task, r.Rating, notes));
        return new DecisionResult(true, $"{r.Task} rated {HseepRatings.Letter(r.Rating)}");
    }

    private DecisionResult Observe(RecordObservation o)
    {
        if (string.IsNullOrWhiteSpace(o.Text) || o.Text.Length > MessageLimits.Text)
            return DecisionResult.Rejected($"text: write the observation, in 1 to {MessageLimits.Text} characters");
        if (o.Task is { } task && !IsRateable(task)) return DecisionResult.Rejected($"task: no critical task or objective '{task}' in this scenario's evaluation guides");
        if (o.Events.Count > 50) return DecisionResult.Rejected("events: tie an observation to at most 50 events");
        var unknown = o.Events.Where(e => e < 1 || e > Journal.Entries.Count).ToList();
        if (unknown.Count > 0) return DecisionResult.Rejected($"events: no journal event {string.Join(", ", unknown)} (the journal has {Journal.Entries.Count})");
        var id = $"obs-{_observations.Count + 1:000}";
        var events = o.Events.Distinct().Order().ToList();
        _observations.Add(new Observation(id, o.Text.Trim(), events, o.Task, Now));
        Record(new ObservationRecorded(id, o.Text.Trim(), events, o.Task));
        return new DecisionResult(true, $"{id} recorded");
    }

    private DecisionResult AddToHotWash(HotWash h)
    {
        var isSeat = Seat.TryParse(h.Actor, out var seat) && World.HasJurisdiction(seat.Jurisdiction);
        if (!isSeat && h.Actor is not (Decision.Trainer or Decision.Evaluator))
            return DecisionResult.Rejected($"'{h.Actor}' is not a seat, the trainer or the evaluator");
        string? Clean(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        var (strengths, improvements) = (Clean(h.Strengths), Clean(h.Improvements));
        if (strengths is null && improvements is null) return DecisionResult.Rejected("strengths: say what went well, what to improve, or both");
        if (strengths?.Length > MessageLimits.Text || improvements?.Length > MessageLimits.Text)
            return DecisionResult.Rejected($"strengths, improvements: at most {MessageLimits.Text} characters each");
        _hotWash.Add(new HotWashEntry(h.Actor, strengths, improvements, Now));
        Record(new HotWashRecorded(h.Actor, strengths, improvements));
        return new DecisionResult(true, "your contribution to the hot wash is on record");
    }
}
