using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Who may see a journal event live: the trainer and observers see everything (observers without sealed fields),
/// a state's seats see what concerns their state. Audiences are "trainer", "observers" and "state:XX".
/// </summary>
public static class Audience
{
    public const string Trainer = "trainer", Observers = "observers";
    public static string State(string jurisdiction) => $"state:{jurisdiction}";

    /// <summary>The audience an identity belongs to: the trainer, the observers, or its seat's state.</summary>
    public static string For(Contracts.Identity who) => who.Role switch
    {
        Contracts.IdentityRole.Trainer => Trainer,
        Contracts.IdentityRole.Observer => Observers,
        _ => State(who.SeatValue.Jurisdiction),
    };

    public static IReadOnlyList<string> Of(JournalEvent evt, Simulation s)
    {
        var states = new SortedSet<string>(StringComparer.Ordinal);
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
                foreach (var to in e.To) states.Add(to.Split('/')[0]); // a state, or one of its seats
                break;
            case RequestDrafted e: Request(e.Request); break;
            case RequestStateChanged e: Request(e.Request); break;
            case RequestRefused e: Request(e.Request); break;
            case ClarificationRequested e: Request(e.Request); break;
            case EnforcingStateNotified e: Request(e.Request); states.Add(e.State); break;
            case DeadlineAtRisk e: states.Add(s.Request(e.Request)!.Issuer); break;
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
        var audience = new List<string>(states.Count + 2) { Trainer, Observers };
        audience.AddRange(states.Select(State));
        return audience;
    }
}
