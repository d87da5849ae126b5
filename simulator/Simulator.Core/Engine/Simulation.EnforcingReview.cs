using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.Rules;

namespace Simulator.Core.Engine;

/// <summary>
/// The enforcing authority's review of an EU production order it was notified of (REG Arts. 8, 10(2) and 12(1)): within
/// the objection window it raises a ground, and the order is refused (or, in an emergency, the use of what was already
/// sent restricted), or confirms that it raises none, or lets the window pass. The engine plays it, or a trainee who
/// holds the enforcing state's judge seat (from rules 2026.12.13).
/// </summary>
public sealed partial class Simulation
{
    /// <summary>The seat of the enforcing authority for a notified order: the requested state's judge.</summary>
    public static string EnforcingAuthoritySeat(RequestRecord r) => Names.Seat(r.RequestedState, AuthorityRole.Judge);

    /// <summary>Whether a trainee reviews the notification of <paramref name="r"/> now: they hold the seat, under rules that let them.</summary>
    public bool EnforcingAuthorityIsTrainee(RequestRecord r) => Options.SeatedEnforcingAuthorityReviews && IsHuman(EnforcingAuthoritySeat(r));

    /// <summary>
    /// The engine reviews for a draw from the instrument's review time, scaled by the enforcing state's capability, cut
    /// off at the window. Taken over from a trainee (<paramref name="takenOver"/>), it decides just before the window
    /// ends at the latest, since the window's end, scheduled first, would otherwise come before it at the same instant.
    /// </summary>
    private void ReviewByEngineEnforcingAuthority(RequestRecord r, EnforcingStateNotification notification, bool takenOver = false)
    {
        var enforcing = World.Jurisdiction(r.RequestedState);
        var issuer = World.Jurisdiction(r.Issuer);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        var windowEnds = r.NotificationWindowEnds!.Value;
        var review = r.Instrument.Timing.Review.Draw(r.Random.Derive("enforcing"), CapabilityFactor(enforcing.Id));
        var latest = takenOver ? windowEnds.AddTicks(-1) : windowEnds;
        var decideAt = Now + review < latest ? Now + review : latest < Now ? Now : latest;
        var version = ++r.NotificationReviewVersion;
        At(decideAt, () =>
        {
            // A trainee who holds the seat again, or decided meanwhile, keeps the review; a later take-over scheduled its own.
            if (r.NotificationReview != NotificationReview.Open || version != r.NotificationReviewVersion || EnforcingAuthorityIsTrainee(r)) return;
            var ground = r.Instrument.RefusalGrounds.FirstOrDefault(g => g.By == Reviewer.EnforcingState && GroundHolds(r, g, issuer, enforcing, offence));
            if (ground is null) return;
            Object(r, ground, notification, EnforcingAuthoritySeat(r));
        });
    }

    /// <summary>A ground raised: the order is refused, or, once an emergency order's data went, their use is restricted (REG Art. 10(4)).</summary>
    private void Object(RequestRecord r, RefusalGround ground, EnforcingStateNotification notification, string by)
    {
        if (r.State == RequestState.Delivered && TransfersAtOnce(r))
        {
            r.NotificationReview = NotificationReview.Objected;
            r.NotificationGround = ground.Id;
            RestrictUse(r, ground, notification, by);
        }
        else if (!r.Lifecycle.IsClosed && r.State != RequestState.Delivered)
        {
            r.NotificationReview = NotificationReview.Objected;
            r.NotificationGround = ground.Id;
            Refuse(r, ground.Id, ground.Description, ground.Source, by);
        }
    }

    /// <summary>
    /// Whether a ground may still be raised against <paramref name="r"/>: its window is open, and the order is still
    /// open, or is an emergency order whose data already went (their use can still be restricted).
    /// </summary>
    public static bool MayStillObject(RequestRecord r) =>
        r.NotificationReview == NotificationReview.Open && (!r.Lifecycle.IsClosed || (r.State == RequestState.Delivered && TransfersAtOnce(r)));

    /// <summary>The enforcing authority confirmed it raises no ground, and the catalogue lets the addressee act upon that at once (REG Art. 10(2)).</summary>
    private static bool ClearedEarly(RequestRecord r) =>
        r.NotificationReview == NotificationReview.NoGround && r.Instrument.Notification?.NoGroundSource is not null;

    /// <summary>
    /// A trainee holding the enforcing authority's seat decides on a notified order within its window: a ground the
    /// instrument gives the enforcing state and the law leaves open to it, or none (<see cref="ReviewNotification.Ground"/> null).
    /// </summary>
    private DecisionResult ReviewNotificationAsEnforcingAuthority(ReviewNotification command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"request: no request '{command.Request}'");
        if (r.NotificationWindowEnds is not { } ends || r.Instrument.Notification is not { } notification || r.NotificationReview is not { } review)
            return DecisionResult.Rejected($"request: {r.Id} was not notified to an enforcing state: there is nothing to review");
        if (!Options.SeatedEnforcingAuthorityReviews)
            return DecisionResult.Rejected($"request: under this exercise's rules (before 2026.12.13) the engine reviews {r.Id} for {r.RequestedState}, whoever holds {EnforcingAuthoritySeat(r)}");
        var authority = EnforcingAuthoritySeat(r);
        if (command.Actor != authority)
            return DecisionResult.Rejected($"{command.Actor} may not review {r.Id}: the notification is for {authority}, the enforcing authority ({notification.Source})");
        if (review != NotificationReview.Open)
            return DecisionResult.Rejected(review == NotificationReview.Passed
                ? $"request: {r.Id}'s objection window ended at {JournalJson.Instant(ends)}: no ground may be raised any more, and the order stands"
                : $"request: {r.Id}'s notification is already decided ({Names.Kebab(review)})");
        var sentAlready = r.State == RequestState.Delivered && TransfersAtOnce(r);
        if (r.Lifecycle.IsClosed && !sentAlready)
            return DecisionResult.Rejected($"request: {r.Id} is {Names.Kebab(r.State)}: there is nothing left to object to");
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var grounds = r.Instrument.RefusalGrounds.Where(g => g.By == Reviewer.EnforcingState).ToList();
        var enforcing = World.Jurisdiction(r.RequestedState);
        var issuer = World.Jurisdiction(r.Issuer);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        if (command.Ground is null)
        {
            Record(new DecisionTaken(command.Actor, "raise-no-ground", r.Id, reason));
            // What the facts say beside it, for the debrief: a ground that holds and was not raised.
            var holding = grounds.Where(g => GroundHolds(r, g, issuer, enforcing, offence)).Select(g => $"no-ground: {g.Id} ({g.Source}) holds on the facts").ToList();
            if (holding.Count > 0) Record(new ReviewRecorded(r.Id, command.Actor, "raise-no-ground", [], [], holding));
            r.NotificationReview = NotificationReview.NoGround;
            var early = notification.NoGroundSource is not null;
            Record(new NoGroundRaised(r.Id, command.Actor, notification.NoGroundSource ?? notification.Source));
            if (early && r.AwaitingWindowToDeliver && !r.Lifecycle.IsClosed)
            {
                r.AwaitingWindowToDeliver = false;
                Deliver(r);
            }
            return new DecisionResult(true, early
                ? $"{r.Id}: no ground raised; the addressee transfers the data upon your confirmation ({notification.NoGroundSource})"
                : $"{r.Id}: no ground raised; the data go when the window ends", r.Id);
        }
        if (grounds.FirstOrDefault(g => g.Id == command.Ground) is not { } ground)
            return DecisionResult.Rejected($"ground: '{command.Ground}' is not a ground the enforcing state may raise against {r.Instrument.Id}; its grounds: {string.Join(", ", grounds.Select(g => g.Id))}");
        if (RequestRules.GroundClosed(ground, enforcing, offence, r.Items.Select(i => i.Category)) is { } closed)
            return DecisionResult.Rejected($"ground: {closed}");
        Record(new DecisionTaken(command.Actor, "raise-ground", r.Id, reason is null ? ground.Id : $"{ground.Id}: {reason}"));
        if (!GroundHolds(r, ground, issuer, enforcing, offence))
            Record(new ReviewRecorded(r.Id, command.Actor, "raise-ground", [], [], [$"{ground.Id}: the facts do not support it ({ground.Source})"]));
        Object(r, ground, notification, command.Actor);
        return new DecisionResult(true, sentAlready
            ? $"{r.Id}: objected on {ground.Id}; the data already sent are to be erased or their use restricted"
            : $"{r.Id}: refused on {ground.Id}", r.Id);
    }

    /// <summary>A notification left with a trainee whose seat the engine now plays: the engine reviews it from now, within what is left of the window.</summary>
    private void TakeUpNotificationReviews(string seat)
    {
        // Under rules before 2026.12.13 the engine's review was never left to the trainee: nothing to take up.
        if (!Options.SeatedEnforcingAuthorityReviews) return;
        foreach (var r in _requests.Where(r => MayStillObject(r) && EnforcingAuthoritySeat(r) == seat && Now < r.NotificationWindowEnds).ToList())
            ReviewByEngineEnforcingAuthority(r, r.Instrument.Notification!, takenOver: true);
    }
}
