using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>A planner's branch: "what if the engine had played the trainees' seats from this moment?"</summary>
public sealed partial class Simulation
{
    /// <summary>
    /// Hands every seat trainees hold to <paramref name="policy"/> from now on. The states no trainee played keep
    /// the exercise's policy. What the trainees left waiting is taken up at once: requests they were to review are
    /// decided, clarifications they were asked for are answered (after drafting time), preservations already warned
    /// of their expiry are put to the policy to extend, and the policy is told of every lead their states already
    /// know, as if it had just been discovered.
    /// </summary>
    public void HandOver(IInvestigationPolicy policy)
    {
        EnsureStarted();
        if (_ended) throw new InvalidOperationException("The exercise has ended: there is nothing left to hand over.");
        var seats = _humanSeats.Order(StringComparer.Ordinal).ToList();
        var jurisdictions = _humanJurisdictions.Order(StringComparer.Ordinal).ToList();
        Record(new PolicyTookOver(policy.Name, seats));
        _humanSeats.Clear();
        _humanJurisdictions.Clear();
        foreach (var j in jurisdictions) _takenOver[j] = policy;

        var waiting = _offices.Values.SelectMany(o => o.Waiting).Select(w => w.Request).ToHashSet();
        foreach (var r in _requests.Where(r => !r.Lifecycle.IsClosed && r.PendingStep is null && r.ActiveOffice is null && !waiting.Contains(r)).ToList())
        {
            if (r.State == RequestState.UnderReview && ReviewerSeat(r) is { } reviewer && seats.Contains(reviewer))
                Decide(r);
            else if (r.State == RequestState.AwaitingClarification && seats.Contains(r.IssuerSeat))
                Step(r, r.Instrument.Timing.Drafting.Draw(r.Random, Catalogue.Figures.ClarificationAnswerShare * CapabilityFactor(r.Issuer)), () => Clarify(r, r.IssuerSeat));
        }
        // A preservation whose expiry warning the trainees already had is theirs to extend: the policy decides now.
        foreach (var p in _preservations.Values.Where(p => p.Until is { } until && until - Now <= Catalogue.Figures.PreservationExpiryWarning && p.Lifecycle.CanExtend).ToList())
            if (Request(p.Request) is { } r && jurisdictions.Contains(r.Issuer))
                WithPolicy(r.Issuer, (policy, c) => policy.OnPreservationExpiring(c, p));
        foreach (var lead in World.Leads.Where(l => _discoveredLeads.Contains(l.Id)))
        {
            var investigating = World.Incident(lead.Incident).Investigating;
            if (jurisdictions.Contains(investigating)) WithPolicy(investigating, (p, c) => p.OnLeadDiscovered(c, lead));
        }
        foreach (var incident in World.Incidents.Where(i => _threatsEnded.Contains(i.Id) && jurisdictions.Contains(i.Investigating)))
            WithPolicy(incident.Investigating, (p, c) => p.OnThreatEnded(c, incident));
        // What waits for a trainee's decision outside any office: an emergency order's validation afterwards (REG Art. 4(5)),
        // an objection before the court (Art. 17), a notified order before the enforcing authority (Arts. 10, 12).
        foreach (var seat in seats)
        {
            foreach (var r in _requests.Where(r => r.ValidationDueBy is not null && !r.ValidationSettled && r.ValidatorSeat == seat).ToList())
                ValidateByEngineAfterwards(r);
            TakeUpCourtReviews(seat);
            TakeUpNotificationReviews(seat);
        }
        TakeUpUses(seats.Contains, jurisdictions.Contains);
    }
}
