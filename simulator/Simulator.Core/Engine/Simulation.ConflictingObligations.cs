using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.Rules;

namespace Simulator.Core.Engine;

/// <summary>
/// An order whose addressee would break a third country's law by complying (REG Art. 17): the addressee objects,
/// execution is suspended while the issuing state's court reviews the order, and the court upholds or lifts it.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// At the addressee's review: where complying would break its home state's law, and the objection window since
    /// receipt is still open, the addressee objects and the request waits for the court. An addressee that let the
    /// window pass complies.
    /// </summary>
    private bool ObjectsToConflict(RequestRecord r)
    {
        if (r.ConflictRaised || r.Instrument.ConflictingObligations is not { } rule || r.ReceivedAt is not { } received) return false;
        if (ConflictOfLaws.For(r.Instrument, World, r.Provider, r.Issuer, r.Items.Select(i => i.Category)) is not { } conflict) return false;
        if (Now > rule.ObjectionWindow.EndsFrom(received, World.Jurisdiction(r.RequestedState).Calendar)) return false;

        r.ConflictRaised = true;
        r.Conflict = conflict;
        if (r.State == RequestState.Received) Transition(r, RequestTrigger.StartReview, ReviewOfficeId(r)); // an emergency order reaches the addressee's desk too
        // Execution is suspended pending the review (Art. 17(3)): the deadline no longer runs.
        r.Deadline = null;
        var court = r.CourtSeat = Names.Seat(r.Issuer, AuthorityRole.Judge);
        if (Options.SeatedCourtReviewsConflicts && IsHuman(court))
        {
            // A trainee holds the court: the review is theirs, and takes as long as they take.
            Record(new ConflictingObligationRaised(r.Id, $"provider/{r.Provider.Id}", conflict.ThirdCountry, conflict.Barred, conflict.Bar.Source, rule.Source, court, null));
            return true;
        }
        ReviewByEngineCourt(r, rule, conflict, court, record: true);
        return true;
    }

    /// <summary>The engine plays the court: it reviews for a draw from the rule's court-review time, scaled by the issuing state's capability.</summary>
    private void ReviewByEngineCourt(RequestRecord r, ConflictingObligations rule, ConflictOfLaws conflict, string court, bool record)
    {
        var review = rule.CourtReview.Draw(r.Random.Derive("court"), CapabilityFactor(r.Issuer));
        if (record) Record(new ConflictingObligationRaised(r.Id, $"provider/{r.Provider.Id}", conflict.ThirdCountry, conflict.Barred, conflict.Bar.Source, rule.Source, court, Now + review));
        Step(r, review, () => CourtReviews(r, rule, conflict, court));
    }

    /// <summary>The engine's court weighs the conflict by the catalogue's rule (<see cref="ConflictingObligations.LiftedWhere"/>).</summary>
    private void CourtReviews(RequestRecord r, ConflictingObligations rule, ConflictOfLaws conflict, string court)
    {
        if (r.State != RequestState.UnderReview || r.CourtDecision is not null) return;
        var lifted = rule.LiftedWhere switch
        {
            ConflictLifted.PersonOfThirdCountry => World.IncidentOf(r.Items[0]).Offence.PersonIsOf(conflict.ThirdCountry),
            _ => false,
        };
        var why = lifted
            ? $"the person whose data is sought is connected to {conflict.ThirdCountry}: the interests its law protects prevail"
            : $"the case's connection is not to {conflict.ThirdCountry}: the order is upheld and the addressee must comply";
        CourtDecides(r, rule, conflict, court, !lifted, why);
    }

    /// <summary>
    /// A trainee holding the issuing state's court decides on the objection (REG Art. 17(4)-(6)). The request must be
    /// under the court's review; lifting gives a reason, upholding may.
    /// </summary>
    private DecisionResult ReviewConflictAsCourt(ReviewConflict command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"request: no request '{command.Request}'");
        if (!r.ConflictRaised || r.Conflict is not { } conflict || r.Instrument.ConflictingObligations is not { } rule)
            return DecisionResult.Rejected($"request: {r.Id}'s addressee raised no objection under a third country's law: there is nothing for a court to review");
        if (!Options.SeatedCourtReviewsConflicts)
            return DecisionResult.Rejected($"request: under this exercise's rules (before 2026.12.12) the engine is the court that reviews {r.Id}'s objection, whoever holds {r.CourtSeat}");
        if (command.Actor != r.CourtSeat)
            return DecisionResult.Rejected($"{command.Actor} may not review {r.Id}: the objection is for {r.CourtSeat}, the court of the issuing state ({rule.Source})");
        if (r.CourtDecision is { } decided || r.State != RequestState.UnderReview)
            return DecisionResult.Rejected($"request: {r.Id}'s objection is {(r.CourtDecision is { } d ? $"already decided ({Names.Kebab(d)})" : $"no longer before the court: the request is {Names.Kebab(r.State)}")}");
        if (!command.Uphold && string.IsNullOrWhiteSpace(command.Reason))
            return DecisionResult.Rejected("reason: give the court's reasons for lifting the order (the interests the third country's law protects, the case's connection to it)");
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        Record(new DecisionTaken(command.Actor, command.Uphold ? "uphold-order" : "lift-order", r.Id, reason));
        // The engine's review, if it was under way (the seat was handed back), is overtaken by the trainee's decision.
        r.StepVersion++;
        r.PendingStep = null;
        CourtDecides(r, rule, conflict, command.Actor, command.Uphold, reason ?? "the court upholds the order and the addressee must comply");
        return new DecisionResult(true, r.CourtDecision switch
        {
            CourtDecision.Upheld => $"{r.Id} upheld: the addressee executes it",
            CourtDecision.LiftedInPart => $"{r.Id} lifted as to {string.Join(" and ", conflict.Barred.Select(Names.Kebab))} data; it stands for the rest, which the addressee executes",
            _ => $"{r.Id} lifted: it is refused",
        }, r.Id);
    }

    /// <summary>
    /// The court's decision, by the engine or a trainee. Upheld, the addressee executes the order. Lifted, the order is
    /// refused; from rules 2026.12.12 only as to the data the third country's law bars, since for the rest no conflict
    /// exists and the order stands (Art. 17(4)-(5)): the addressee produces those.
    /// </summary>
    private void CourtDecides(RequestRecord r, ConflictingObligations rule, ConflictOfLaws conflict, string court, bool upheld, string why)
    {
        var unbarred = r.Items.Select(i => i.Category).Where(c => !conflict.Barred.Contains(c)).Distinct().Order().ToList();
        var inPart = !upheld && Options.CourtLiftsOnlyBarredData && unbarred.Count > 0;
        r.CourtDecision = upheld ? CourtDecision.Upheld : inPart ? CourtDecision.LiftedInPart : CourtDecision.Lifted;
        var reason = upheld ? why
            : inPart
                ? $"{why}, and the order is lifted as to the data it bars; {conflict.ThirdCountry}'s law does not bar the {string.Join(" and ", unbarred.Select(Names.Kebab))} data, so no conflict exists for them and the order stands for them (REG Art. 17(5))"
                : $"{why}, and the order is lifted";
        Record(new ConflictingObligationReviewed(r.Id, court, upheld, reason, rule.LiftSource, inPart ? conflict.Barred : null));
        if (!upheld && !inPart)
        {
            Refuse(r, "conflicting-obligations", $"the court lifted the order: {conflict.Describe()}", rule.LiftSource, court);
            return;
        }
        if (inPart) r.Withheld = conflict.Barred.ToHashSet();
        Transition(r, RequestTrigger.Approve, court);
        Execute(r);
    }

    /// <summary>An objection left with a trainee's court whose seat the engine now plays: the engine's court reviews it from now.</summary>
    private void TakeUpCourtReviews(string seat)
    {
        foreach (var r in _requests.Where(r => r.ConflictRaised && r.CourtSeat == seat && r.CourtDecision is null && r.State == RequestState.UnderReview && r.PendingStep is null))
            ReviewByEngineCourt(r, r.Instrument.ConflictingObligations!, r.Conflict!, seat, record: false);
    }
}
