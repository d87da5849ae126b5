using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// A binding order whose addressee lets the deadline pass (REG 2023/1543 Arts. 15-16): recorded in default; the issuing
/// state may ask the enforcing state to enforce it; the enforcing authority recognises it (or a ground holds) and
/// formally requires the addressee to comply; an addressee that still does not comply is penalised, and complies then.
/// The enforcing authority is played by the engine.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>At the deadline, an order still unanswered is in default where its instrument provides for enforcement (from rules 2026.12.9).</summary>
    private void MarkInDefault(RequestRecord r)
    {
        if (!Options.RecordsDefaults || r.Instrument.Enforcement is not { } rule || r.InDefault) return;
        r.InDefault = true;
        Record(new OrderInDefault(r.Id, $"provider/{r.Provider.Id}", r.Deadline!.Value, rule.Source));
        WithPolicy(r.Issuer, (p, c) => p.OnOrderInDefault(c, r));
    }

    /// <summary>The enforcing authority of an order: the judicial authority of the state whose law binds its addressee.</summary>
    private static string EnforcingAuthority(RequestRecord r) => Names.Seat(r.RequestedState, AuthorityRole.Judge);

    /// <summary>Why this order cannot be put to enforcement now, or null where it can.</summary>
    public string? WhyNotEnforceable(RequestRecord r)
    {
        if (r.Instrument.Enforcement is null) return $"{r.Instrument.Id} has no enforcement procedure: only an EU order's addressee can be made to comply by its enforcing state (REG Art. 16)";
        if (r.Enforcement is not null) return $"enforcement of {r.Id} was already asked for: it is {Names.Kebab(r.Enforcement.State)}";
        if (r.Lifecycle.IsClosed || r.RespondedAt is not null) return $"{r.Id} is {Names.Kebab(r.State)}: its addressee has answered, so there is nothing to enforce";
        if (r.ConflictRaised) return $"{r.Id}'s addressee objected that complying would break a third country's law: its deadline no longer runs, and the court's review decides (REG Art. 17(3))";
        if (r.ValidationDueBy is not null && !r.ValidationSettled)
            return $"{r.Id} went first in an emergency and awaits its validation, due by {JournalJson.Instant(r.ValidationDueBy.Value)} (REG Art. 4(5)): an order not validated is not enforced (Art. 16(4))";
        if (!r.InDefault) return $"{r.Id}'s addressee is not in default: " + (r.Deadline is { } d && d > Now ? $"its deadline runs until {JournalJson.Instant(d)}"
            : r.Deadline is not null ? "no default is recorded under the rules this exercise was made with (before 2026.12.9)"
            : "its deadline has not started: it runs from the addressee's receipt");
        return null;
    }

    private DecisionResult Enforce(EnforceOrder command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        if (Seat.Parse(command.Actor).Jurisdiction != r.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not ask for enforcement of {r.Id}: it was issued by {r.IssuerSeat}");
        if (WhyNotEnforceable(r) is { } why) return DecisionResult.Rejected(why);
        var rule = r.Instrument.Enforcement!;
        Record(new DecisionTaken(command.Actor, "enforce-order", r.Id, command.Note));
        r.Enforcement = new EnforcementLifecycle();
        var authority = EnforcingAuthority(r);
        var decideBy = rule.Recognition.EndsFrom(Now, World.Jurisdiction(r.RequestedState).Calendar);
        var random = r.Random.Derive("enforcement");
        var decidesAt = Now + rule.RecognitionTime.Draw(random, CapabilityFactor(r.RequestedState));
        if (decidesAt > decideBy) decidesAt = decideBy;
        r.EnforcementDecideBy = decideBy;
        Record(new EnforcementRequested(r.Id, command.Actor, authority, decideBy, rule.Source));
        At(decidesAt, () => DecideEnforcement(r, rule, authority, random));
        return new DecisionResult(true, $"{authority} is asked to enforce {r.Id}: it decides by {JournalJson.Instant(decideBy)}", r.Id);
    }

    /// <summary>
    /// The enforcing authority recognises the order unless one of the grounds it may raise against enforcement holds
    /// (REG Art. 16(2), (4)); recognised, it formally requires the addressee to comply, which it does, or is penalised first.
    /// </summary>
    private void DecideEnforcement(RequestRecord r, Enforcement rule, string authority, DeterministicRandom random)
    {
        // The addressee answered on its own, or the order ended otherwise (withdrawn, lapsed, refused): nothing is left to
        // enforce. That is not a refusal to recognise, and is not counted as one. An objection raised meanwhile (Art. 17) suspends it too.
        if (r.RespondedAt is not null || r.Lifecycle.IsClosed || r.ConflictRaised)
        {
            Record(new EnforcementDecided(r.Id, authority, false,
                r.RespondedAt is not null ? $"the addressee answered on {JournalJson.Instant(r.RespondedAt!.Value)}: nothing is left to enforce"
                : r.ConflictRaised ? "the addressee's objection under Art. 17 is before the court: the court's review decides, not enforcement"
                : $"{r.Id} is {Names.Kebab(r.State)}: nothing is left to enforce", rule.Source));
            r.Enforcement!.Fire(EnforcementTrigger.Moot);
            return;
        }
        var issuer = World.Jurisdiction(r.Issuer);
        var enforcing = World.Jurisdiction(r.RequestedState);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        var ground = r.Instrument.RefusalGrounds.FirstOrDefault(g => rule.Grounds.Contains(g.Id) && GroundHolds(r, g, issuer, enforcing, offence));
        if (ground is not null)
        {
            r.Enforcement!.Fire(EnforcementTrigger.Decline);
            var source = $"{rule.GroundsSource}; {ground.Source}";
            Record(new EnforcementDecided(r.Id, authority, false, $"{ground.Description} The order is not enforced, and its addressee need not comply.", source));
            Refuse(r, ground.Id, ground.Description, source, authority);
            return;
        }
        r.Enforcement!.Fire(EnforcementTrigger.Recognise);
        Record(new EnforcementDecided(r.Id, authority, true, $"recognised: {r.Provider.Name} is formally required to comply", rule.Source));
        var complies = random.Chance(r.Provider.Policy.BindingOrderComplianceRate);
        At(Now + rule.Compliance.Draw(random), () =>
        {
            if (complies) { ComplyNow(r); return; }
            Penalise(r, rule, authority);
            At(Now + rule.Compliance.Draw(random), () => ComplyNow(r));
        });
    }

    /// <summary>The addressee did not comply with the recognised order: the enforcing authority imposes a pecuniary penalty (REG Art. 15(1)).</summary>
    private void Penalise(RequestRecord r, Enforcement rule, string authority)
    {
        if (r.RespondedAt is not null || r.Lifecycle.IsClosed || !r.Enforcement!.CanFire(EnforcementTrigger.Penalise)) return;
        r.Enforcement.Fire(EnforcementTrigger.Penalise);
        r.PenaltyImposed = true;
        r.PenaltyCeiling = r.Provider.AnnualTurnover is { } turnover ? Math.Round(turnover * (decimal)rule.PenaltyCeiling, 2) : null;
        Record(new PenaltyImposed(r.Id, $"provider/{r.Provider.Id}", authority, rule.PenaltyCeiling, r.PenaltyCeiling, rule.PenaltySource, rule.RemedySource));
    }

    /// <summary>
    /// The addressee, formally required (or penalised), answers now: whatever of its own slow handling was pending is
    /// cut short, and it produces what it holds. An addressee that answered meanwhile has nothing left to do.
    /// </summary>
    private void ComplyNow(RequestRecord r)
    {
        // Only an order at the addressee's desk can be answered now; one whose execution a court's review suspends waits for the court.
        if (r.RespondedAt is not null || r.Lifecycle.IsClosed || r.ConflictRaised
            || r.State is not (RequestState.Received or RequestState.UnderReview or RequestState.Approved or RequestState.Executing)) return;
        r.StepVersion++;
        r.PendingStep = null;
        if (r.Office is { } officeId && _offices.TryGetValue(officeId, out var office))
            office.Waiting.RemoveAll(w => w.Request == r);
        FreeOfficer(r);
        var by = $"provider/{r.Provider.Id}";
        if (r.State == RequestState.Received) Transition(r, RequestTrigger.StartReview, by);
        if (r.ProviderCase is null)
        {
            r.ProviderCase = new ProviderHandling();
            r.ProviderCase.Fire(ProviderTrigger.Check);
        }
        if (r.State == RequestState.UnderReview) Transition(r, RequestTrigger.Approve, EnforcingAuthority(r));
        if (r.State == RequestState.Approved)
        {
            Transition(r, RequestTrigger.Execute, by);
            r.ProviderCase.Fire(ProviderTrigger.Accept);
        }
        if (r.State == RequestState.Executing) Complete(r);
    }
}
