using Simulator.Core.Engine;
using Simulator.Core.Objectives;
using Simulator.Core.Procedures;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What one exercise's live feed keeps of its views from step to step, so that a view costs what the step changed
/// rather than what the exercise holds: each request's view as last built, built again only when what it shows can
/// have changed (its state and dates, its items' fates, its place in a queue; the rest of a request's view is fixed
/// when it is drafted), and the objectives' facts, folded in only from the journal entries appended since. The
/// grain's tests compare every view built through it with one built afresh, step by step.
/// </summary>
public sealed class ViewMemory
{
    private RatingFacts? _facts;

    /// <summary>The objectives' facts with the journal folded in up to now.</summary>
    public RatingFacts Facts(Simulation s) => (_facts ??= new RatingFacts(s.Catalogue)).FoldUpTo(s.Journal.Entries);

    private readonly Dictionary<string, (RequestChanges Changes, IReadOnlyList<EvidenceFate> Fates, QueueView? Queue, RequestView View)> _views = new(StringComparer.Ordinal);

    public RequestView Request(string request, RequestChanges changes, IReadOnlyList<EvidenceFate> fates, QueueView? queue, Func<RequestView> build)
    {
        if (_views.TryGetValue(request, out var last) && last.Changes == changes && Equals(last.Queue, queue) && last.Fates.SequenceEqual(fates))
            return last.View;
        var view = build();
        _views[request] = (changes, fates, queue, view);
        return view;
    }
}

/// <summary>What can change in a request's view after it is drafted, besides its items' fates and its queue.</summary>
public readonly record struct RequestChanges(
    RequestState State, DateTimeOffset? SentAt, DateTimeOffset? ClosedAt, DateTimeOffset? Deadline, EscalationState Escalation, string? RefusalGround, int Clarifications,
    string? Validation = null, bool Narrowed = false, int RecordsRedacted = 0, bool InDefault = false, EnforcementState? Enforcement = null,
    bool? EmergencyClaimHeld = null, bool LapsedWithEmergency = false, InformingState? Informing = null, bool ConflictRaised = false, CourtDecision? Court = null,
    NotificationReview? Notification = null, bool CourtTraineeDecides = false, bool NotificationTraineeDecides = false);
