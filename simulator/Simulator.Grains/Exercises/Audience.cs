using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Who may see a journal event live: the trainer and observers see everything (observers without sealed fields,
/// and without what seats write to each other), a state's seats see what concerns their state, and one seat alone
/// what was addressed to it (an inject for its office, a message, a referral). An event's audiences are "trainer",
/// "observers", "state:XX" (every seat of XX) and "seat:XX/role" (that seat only).
/// </summary>
public static class Audience
{
    public const string Trainer = "trainer", Observers = "observers";
    private const string StatePrefix = "state:", SeatPrefix = "seat:";
    public static string State(string jurisdiction) => StatePrefix + jurisdiction;
    public static string Seat(string seat) => SeatPrefix + seat;

    /// <summary>The audience whose share of the events and whose view an identity receives: the trainer, the observers, or its seat.</summary>
    public static string For(Contracts.Identity who) => who.Role switch
    {
        // The evaluator sees what the trainer sees (the MSEL's expected actions, the seats' mail), without the controls.
        Contracts.IdentityRole.Trainer or Contracts.IdentityRole.Evaluator => Trainer,
        Contracts.IdentityRole.Observer => Observers,
        _ => Seat(who.Seat!),
    };

    /// <summary>
    /// Whether an event for <paramref name="eventAudience"/> reaches the follower <paramref name="follower"/> (an
    /// identity's audience, <see cref="For"/>): the same audience, or a seat's state.
    /// </summary>
    public static bool Reaches(string eventAudience, string follower) =>
        eventAudience == follower || (follower.StartsWith(SeatPrefix, StringComparison.Ordinal) && eventAudience.StartsWith(StatePrefix, StringComparison.Ordinal)
            && StateOfSeat(follower) is { } state && eventAudience.AsSpan(StatePrefix.Length).SequenceEqual(state));

    public static bool Reaches(IReadOnlyList<string> eventAudiences, string follower)
    {
        foreach (var a in eventAudiences) if (Reaches(a, follower)) return true;
        return false;
    }

    /// <summary>The seat of a seat audience ("seat:AL/investigator" gives "AL/investigator"), or null.</summary>
    public static string? SeatOf(string audience) => audience.StartsWith(SeatPrefix, StringComparison.Ordinal) ? audience[SeatPrefix.Length..] : null;

    private static ReadOnlySpan<char> StateOfSeat(string seatAudience)
    {
        var seat = seatAudience.AsSpan(SeatPrefix.Length);
        var slash = seat.IndexOf('/');
        return slash < 0 ? seat : seat[..slash];
    }

    public static IReadOnlyList<string> Of(JournalEvent evt, Simulation s)
    {
        var states = new SortedSet<string>(StringComparer.Ordinal);
        var seats = new SortedSet<string>(StringComparer.Ordinal);
        var observers = true;
        void Request(string id)
        {
            if (s.Request(id) is not { } r) return;
            states.Add(r.Issuer);
            states.Add(r.RequestedState);
        }
        void Investigator(string evidence) => states.Add(s.World.IncidentOf(s.World.Item(evidence)).Investigating);
        switch (evt)
        {
            case ExerciseStarted or ExerciseEnded:
                foreach (var j in s.World.Jurisdictions) states.Add(j.Id);
                break;
            case IncidentStarted e: states.Add(e.Investigating); break;
            case LeadDiscovered e: states.Add(e.Jurisdiction); break;
            case InjectDelivered e:
                // Addressed to a state: all its seats; to an office: that seat alone (it can refer it to colleagues).
                foreach (var to in e.To)
                    if (to.Contains('/')) seats.Add(to);
                    else states.Add(to);
                break;
            case MessageSent e:
                // Sealed between the two ends (the recipient has it when it is delivered) and the trainer.
                observers = false;
                if (e.From.Contains('/')) seats.Add(e.From);
                break;
            case MessageDelivered e:
                observers = false;
                if (e.From.Contains('/')) seats.Add(e.From);
                if (e.To.Contains('/')) seats.Add(e.To);
                break;
            case Referred e:
                observers = false;
                seats.Add(e.From);
                seats.Add(e.To);
                break;
            case InjectAnswered e: seats.Add(e.By); break;
            // The evaluator's ratings and observations are the trainer's and the evaluator's (who hears as the trainer).
            case TaskRated or ObservationRecorded: observers = false; break;
            case SeatHandedToEngine e: seats.Add(e.Seat); break;
            case SeatTakenBack e: seats.Add(e.Seat); break;
            case HotWashRecorded e:
                observers = false;
                if (e.By.Contains('/')) seats.Add(e.By);
                break;
            case RequestDrafted e: Request(e.Request); break;
            case RequestScopeAssessed e: Request(e.Request); break;
            case RequestNarrowed e: Request(e.Request); break;
            // The conditions are told to the state that receives the evidence on them, and kept by the one that set them.
            case ConditionsAttached e: Request(e.Request); break;
            case RecordsRedacted e: Request(e.Request); break;
            // The trial is the investigating state's: its seats and the trainer.
            case AdmissibilityExamined e: states.Add(e.Investigating); break;
            case RequestStateChanged e: Request(e.Request); break;
            case RequestRefused e: Request(e.Request); break;
            case ClarificationRequested e: Request(e.Request); break;
            case EnforcingStateNotified e: Request(e.Request); states.Add(e.State); break;
            case NoGroundRaised e: Request(e.Request); break;
            // The issuing authority's judgement that no notification is needed: the state not notified is not told.
            case NotificationNotRequired e when s.Request(e.Request) is { } r: states.Add(r.Issuer); break;
            case DataUseObjected e: Request(e.Request); break;
            case ConflictingObligationRaised e: Request(e.Request); break;
            case ConflictingObligationReviewed e: Request(e.Request); break;
            // Enforcement (REG Art. 16) is between the issuing and the enforcing state: both see the default, the decision and any penalty.
            case OrderInDefault e: Request(e.Request); break;
            case EnforcementRequested e: Request(e.Request); break;
            case EnforcementDecided e: Request(e.Request); break;
            case PenaltyImposed e: Request(e.Request); break;
            // Telling the person whose data were obtained is the issuing state's own case file: its seats and the trainer.
            case PersonToBeInformed e: states.Add(s.Request(e.Request)!.Issuer); break;
            case PersonInformed e: states.Add(s.Request(e.Request)!.Issuer); break;
            case InformingDelayed e: states.Add(s.Request(e.Request)!.Issuer); break;
            // The reviewing office's own checklist: its state's seats and the trainer, not the issuing state.
            case ReviewRecorded e: states.Add(s.Request(e.Request)!.RequestedState); break;
            case DeadlineAtRisk e: states.Add(s.Request(e.Request)!.Issuer); break;
            // Validation is the issuing state's own business (REG Art. 4): its seats and the trainer.
            case ValidationSought e: states.Add(s.Request(e.Request)!.Issuer); break;
            case RequestValidated e: states.Add(s.Request(e.Request)!.Issuer); break;
            case ValidationRefused e: states.Add(s.Request(e.Request)!.Issuer); break;
            case ValidationLapsed e: states.Add(s.Request(e.Request)!.Issuer); break;
            // What the investigating state learns of its own case, and its review of its own claims: its seats and the
            // trainer; telling the providers and the foreign contact points is the trainees' task.
            case ThreatEnded e: states.Add(e.Investigating); break;
            case EmergencyClaimReviewed e: states.Add(s.Request(e.Request)!.Issuer); break;
            // Purpose limitation: the holding state learns another investigation wants its item; a request for consent
            // and its answer are between the two states; a use is the using state's (and, passed on, the receiving
            // state's, which now has it); a violation is found in the using state's own record, not told to the giver.
            case UseWanted e: Investigator(e.Evidence); break;
            case UseConsentAsked e: states.Add(Core.Common.Seat.Parse(e.By).Jurisdiction); states.Add(e.Giver); break;
            case UseConsentAnswered e when s.Consent(e.Consent) is { } consent: states.Add(Core.Common.Seat.Parse(consent.AskedBy).Jurisdiction); states.Add(consent.Giver); break;
            case EvidenceUsed e:
                states.Add(Core.Common.Seat.Parse(e.By).Jurisdiction);
                if (e.Kind == "onward-transfer") states.Add(e.For);
                break;
            case PurposeViolated e: states.Add(Core.Common.Seat.Parse(e.By).Jurisdiction); break;
            case UseExamined e: states.Add(e.Investigating); break;
            case RequestEscalated e: Request(e.Request); break;
            case PreservationStateChanged e: Request(e.Request); break;
            case PreservationExpiring e: states.Add(s.Request(s.Preservations.First(p => p.Id == e.Preservation).Request)!.Issuer); break;
            case PathDisclosed e: Request(e.Request); break;
            case EvidenceProduced e: Request(e.Request); break;
            case EvidenceDelivered e: Request(e.Request); break;
            case RetentionAtRisk e when s.Evidence(e.Evidence).Discovered: Investigator(e.Evidence); break;
            case EvidenceLost e when s.Evidence(e.Evidence).Discovered: Investigator(e.Evidence); break;
            case DecisionTaken e: states.Add(Core.Common.Seat.Parse(e.Actor).Jurisdiction); break;
            case InjectEdited: break; // the MSEL is the trainer's
        }
        var audience = new List<string>(states.Count + seats.Count + 2) { Trainer };
        if (observers) audience.Add(Observers);
        audience.AddRange(states.Select(State));
        // A seat whose state hears of the event hears of it with its state, once.
        audience.AddRange(seats.Where(seat => !states.Contains(seat.Split('/')[0])).Select(Seat));
        return audience;
    }
}
