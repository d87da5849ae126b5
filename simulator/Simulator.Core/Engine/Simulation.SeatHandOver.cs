using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// Live: the trainer hands one trainee's seat to the engine (the trainee left the room, or is stuck) and takes it
/// back later. While the engine holds it, the exercise's policy plays it as it plays every office no trainee holds,
/// and takes up what the trainee left waiting; the trainee's own decisions are refused until the seat is given back.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Seats trainees hold whose play the trainer has handed to the engine for now.</summary>
    private readonly HashSet<string> _handedOver = [];

    public IReadOnlyCollection<string> HandedOverSeats => _handedOver;

    private DecisionResult HandSeatOver(string seatText)
    {
        if (!Seat.TryParse(seatText, out var seat) || !World.HasJurisdiction(seat.Jurisdiction)) return DecisionResult.Rejected($"seat: no seat '{seatText}' in this scenario");
        var id = seat.ToString();
        if (!IsHuman(id)) return DecisionResult.Rejected(_handedOver.Contains(id) ? $"seat: {id} is already played by the engine" : $"seat: no trainee holds {id}");
        if (Options.Policy is Policies.NoPolicy && !_takenOver.ContainsKey(seat.Jurisdiction))
            return DecisionResult.Rejected("seat: this exercise's policy is none, so nobody would play it; keep it with its trainee");
        _humanSeats.Remove(id);
        if (!_humanSeats.Any(s => Seat.Parse(s).Jurisdiction == seat.Jurisdiction)) _humanJurisdictions.Remove(seat.Jurisdiction);
        _handedOver.Add(id);
        if (!PolicyPlays(seat.Jurisdiction))
        {
            // Under the rules before 2026.12.2 a seated state's unheld offices stay idle: undo, and say so.
            _handedOver.Remove(id);
            _humanSeats.Add(id);
            _humanJurisdictions.Add(seat.Jurisdiction);
            return DecisionResult.Rejected($"seat: under this exercise's rules the engine does not play offices of a state trainees sit for, so nobody would play {id}");
        }
        Record(new SeatHandedToEngine(id, PolicyPlaying(seat.Jurisdiction)!));
        TakeUpWhatWasLeft(id, seat.Jurisdiction);
        return new DecisionResult(true, $"{id} is played by the engine ({PolicyPlaying(seat.Jurisdiction)}) until you take it back");
    }

    private DecisionResult GiveBack(string seatText)
    {
        if (!Seat.TryParse(seatText, out var seat) || !_handedOver.Remove(seat.ToString()))
            return DecisionResult.Rejected($"seat: {seatText} was not handed to the engine");
        var id = seat.ToString();
        _humanSeats.Add(id);
        _humanJurisdictions.Add(seat.Jurisdiction);
        Record(new SeatTakenBack(id));
        return new DecisionResult(true, $"{id} is its trainee's again");
    }

    /// <summary>What the trainee left waiting, taken up by the policy now (as a branch's hand-over does, for one seat).</summary>
    private void TakeUpWhatWasLeft(string seat, string jurisdiction)
    {
        var waiting = _offices.Values.SelectMany(o => o.Waiting).Select(w => w.Request).ToHashSet();
        foreach (var r in _requests.Where(r => !r.Lifecycle.IsClosed && r.PendingStep is null && r.ActiveOffice is null && !waiting.Contains(r)).ToList())
        {
            if (r.State == RequestState.UnderReview && ReviewerSeat(r) == seat) Decide(r);
            else if (r.State == RequestState.AwaitingValidation && r.ValidatorSeat == seat) ValidateByEngineFirst(r);
            else if (r.State == RequestState.AwaitingClarification && r.IssuerSeat == seat)
                Step(r, r.Instrument.Timing.Drafting.Draw(r.Random, Catalogue.Figures.ClarificationAnswerShare * CapabilityFactor(r.Issuer)), () => Clarify(r, r.IssuerSeat));
        }
        // An order sent first in an emergency, its validation left with the trainee (REG Art. 4(5)).
        foreach (var r in _requests.Where(r => r.ValidationDueBy is not null && !r.ValidationSettled && r.ValidatorSeat == seat))
            ValidateByEngineAfterwards(r);
        TakeUpCourtReviews(seat);
        TakeUpNotificationReviews(seat);
        foreach (var lead in World.Leads.Where(l => _discoveredLeads.Contains(l.Id) && World.Incident(l.Incident).Investigating == jurisdiction))
            WithPolicy(jurisdiction, (p, c) => p.OnLeadDiscovered(c, lead));
        foreach (var incident in World.Incidents.Where(i => _threatsEnded.Contains(i.Id) && i.Investigating == jurisdiction))
            WithPolicy(jurisdiction, (p, c) => p.OnThreatEnded(c, incident));
        TakeUpUses(s => s == seat, j => j == jurisdiction);
    }
}
