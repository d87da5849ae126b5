using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// Telling the person whose data an order obtained (REG 2023/1543 Art. 13): due once the order's data reach the issuing
/// state; its authority tells them, with the remedies open to them, or records in the case file why it delays for now.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>On delivery of data under an instrument with the duty (from rules 2026.12.10): telling the person is due.</summary>
    private void MakeInformingDue(RequestRecord r)
    {
        if (!Options.InformsPersons || r.Instrument.InformsPerson is not { } duty || r.Informing is not null || !r.IsProduction || r.Found.Count == 0) return;
        r.Informing = new InformingLifecycle();
        Record(new PersonToBeInformed(r.Id, r.IssuerSeat, duty.Source));
        WithPolicy(r.Issuer, (p, c) => p.OnPersonToBeInformed(c, r));
    }

    /// <summary>The seats that are the order's issuing authority: the one that issued it, and the one that validated it.</summary>
    public static IReadOnlyList<string> InformingAuthorities(RequestRecord r) =>
        r.ValidatedBy is { } validator && validator != r.IssuerSeat ? [r.IssuerSeat, validator] : [r.IssuerSeat];

    private DecisionResult Inform(InformPerson command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        if (Seat.Parse(command.Actor).Jurisdiction != r.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not inform for {r.Id}: the duty is the issuing state's ({r.Issuer})");
        // The duty is the issuing authority's (Art. 13(1)): the seat that issued the order, or the one that validated it.
        if (Options.OnlyTheIssuingAuthorityInforms && InformingAuthorities(r) is var authorities && !authorities.Contains(command.Actor))
            return DecisionResult.Rejected($"{command.Actor} may not inform for {r.Id}: the duty is its issuing authority's ({string.Join(" or ", authorities)}, REG Art. 13(1))");
        if (r.Instrument.InformsPerson is not { } duty)
            return DecisionResult.Rejected($"{r.Instrument.Id} sets no duty to inform the person whose data it obtains: national law governs it");
        if (r.Informing is not { } informing)
            return DecisionResult.Rejected($"{r.Id} has produced no data yet: there is nobody to inform");
        if (informing.State == InformingState.Informed)
            return DecisionResult.Rejected($"the person whose data {r.Id} obtained has already been informed");
        if (command.Delay)
        {
            if (string.IsNullOrWhiteSpace(command.Reason))
                return DecisionResult.Rejected("reason: give the reasons for delaying, for the case file (REG Art. 13(2))");
            if (!informing.CanFire(InformingTrigger.Delay))
                return DecisionResult.Rejected($"telling the person whose data {r.Id} obtained is already delayed: inform them when the reasons end");
            Record(new DecisionTaken(command.Actor, "delay-informing", r.Id, command.Reason.Trim()));
            informing.Fire(InformingTrigger.Delay);
            r.InformingReason = command.Reason.Trim();
            Record(new InformingDelayed(r.Id, command.Actor, r.InformingReason, duty.DelaySource));
            return new DecisionResult(true, $"telling the person is delayed; the reasons are in the case file", r.Id);
        }
        Record(new DecisionTaken(command.Actor, "inform-person", r.Id, command.Reason?.Trim()));
        informing.Fire(InformingTrigger.Inform);
        Record(new PersonInformed(r.Id, command.Actor, duty.RemediesSource));
        return new DecisionResult(true, "the person is informed, with the remedies open to them", r.Id);
    }
}
