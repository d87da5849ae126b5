using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Engine;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Policies;

/// <summary>
/// A policy written as preferences: which instruments it reaches for, in order, to preserve, to produce, and in an
/// emergency; whether production waits for preservation; whether it extends and escalates. For each holder it
/// takes the first instrument the advisor finds applicable and sends one request for the items it covers.
/// Falls back to the next instrument when a request is refused or finds nothing. Under rules from 2026.12.3 it
/// acts as a careful practitioner would (<see cref="Engine.RulesVersion.PoliciesFollowPractice"/>); under older rules,
/// which stored exercises replay by, as it did then. From 2026.12.6 one that escalates also marks a request urgent where
/// the facts show the instrument's urgent condition; from 2026.12.7 it orders apart what a third country's law bars (REG Art. 17).
/// </summary>
public abstract class PreferencePolicy : IInvestigationPolicy
{
    /// <summary>The rules version this policy plays by: the current one, unless <see cref="Under"/> says otherwise.</summary>
    public string RulesVersion { get; private set; } = Engine.RulesVersion.Current;

    /// <summary>A copy of this policy as it played under <paramref name="version"/>.</summary>
    public PreferencePolicy Under(string version)
    {
        var copy = (PreferencePolicy)MemberwiseClone();
        copy.RulesVersion = version;
        return copy;
    }

    protected bool FollowsPractice => Engine.RulesVersion.PoliciesFollowPractice(RulesVersion);

    public abstract string Name { get; }
    public abstract string Description { get; }
    protected virtual IReadOnlyList<string> Preservation => [];
    protected abstract IReadOnlyList<string> Production { get; }
    protected virtual IReadOnlyList<string> Emergency => [];
    protected virtual bool ProductionWaitsForPreservation => false;
    protected virtual bool ExtendsPreservation => true;
    protected virtual bool Escalates => true;
    /// <summary>The scope every request of the policy states; null: what the leads' facts support, as a careful practitioner asks.</summary>
    protected virtual RequestScope? Scope => null;

    /// <summary>
    /// Marks a request urgent where its instrument has urgent handling and the facts show the condition (Budapest
    /// Art. 31(3): data vulnerable to loss), as a practitioner who escalates would; from rules 2026.12.6.
    /// </summary>
    private bool MarksUrgent => Escalates && Engine.RulesVersion.PoliciesMarkUrgent(RulesVersion);

    /// <summary>Orders apart what a third country's law bars (REG Art. 17), as a practitioner who knows the objection would; from rules 2026.12.7.</summary>
    private bool SplitsConflicts => Engine.RulesVersion.PoliciesSplitConflicts(RulesVersion);

    public void OnLeadDiscovered(PolicyContext context, Lead lead)
    {
        var items = context.World.EvidenceOf(lead.Id).Select(i => context.Evidence(i.Id)).Where(Open).Select(e => e.Item).ToList();
        if (items.Count == 0) return;
        var incident = context.World.Incident(lead.Incident);
        var toPreserve = items;
        var toProduce = items;
        if (context.OffenceNow(incident).Faces.Count > 0 && Emergency.Count > 0)
        {
            toProduce = SendBest(context, items, Emergency, emergency: true);
            // An emergency request may be declined (18 USC 2702 is voluntary) or objected to: freeze the data beside it.
            toPreserve = FollowsPractice ? items : toProduce;
        }
        if (Preservation.Count > 0)
        {
            var unpreservable = SendBest(context, toPreserve, Preservation, emergency: false);
            if (ProductionWaitsForPreservation)
            {
                SendBest(context, [.. unpreservable.Where(toProduce.Contains)], Production, emergency: false);
                return;
            }
        }
        SendBest(context, toProduce, Production, emergency: false);
    }

    public void OnRequestClosed(PolicyContext context, RequestRecord request)
    {
        // What it delivered may be the item another investigation is waiting for.
        if (request.State == RequestState.Delivered)
            foreach (var use in context.UsesWanted.Where(u => request.Found.Contains(u.Evidence)).ToList()) OnUseWanted(context, use);
        // Delivered after its threat was found never to have existed: asked again by an ordinary route for the court.
        if (request.EmergencyClaimHeld == false && request.State == RequestState.Delivered) AskAgainByOrdinaryRoute(context, [request]);
        var pending = request.Items.Select(i => context.Evidence(i.Id)).Where(Open).Select(e => e.Item)
            .Where(i => !context.OpenRequestsFor(i.Id, InstrumentPurpose.Production).Any()).ToList();
        if (pending.Count == 0) return;
        if (request.Instrument.Purpose == InstrumentPurpose.Preservation)
        {
            // Preserved, refused or not: the data still has to be produced.
            if (ProductionWaitsForPreservation || request.State != RequestState.Delivered)
                SendBest(context, pending, Production, emergency: false);
            return;
        }
        // An emergency request that lapsed when its emergency ended: what it sought is asked for by an ordinary route.
        if (request.LapsedWithEmergency)
        {
            SendBest(context, pending, Production, emergency: false, ordinaryOnly: true);
            return;
        }
        // A refusal or an empty answer sends the next instrument; a partial one too, for what it did not bring.
        if (request.State is RequestState.Refused or RequestState.NothingFound || (FollowsPractice && request.State == RequestState.Delivered))
        {
            var order = request.Emergency ? Emergency : Production;
            var next = order.SkipWhile(id => id != request.Instrument.Id).Skip(1).ToList();
            var left = SendBest(context, pending, next, request.Emergency);
            if (request.Emergency && left.Count > 0) SendBest(context, left, Production, emergency: false);
        }
    }

    /// <summary>
    /// A threat found never to have existed leaves what the emergency secured open to challenge at trial: a careful
    /// practitioner asks again by an ordinary route, while the holder still has it, for a delivery the court can rely on.
    /// </summary>
    public void OnThreatEnded(PolicyContext context, Incident incident) =>
        AskAgainByOrdinaryRoute(context, context.Requests.Where(r => r.EmergencyClaimHeld == false && r.State == RequestState.Delivered
            && context.World.IncidentOf(r.Items[0]).Id == incident.Id));

    /// <summary>What these deliveries, resting on a claim that did not hold, secured and no ordinary request has asked for yet.</summary>
    private void AskAgainByOrdinaryRoute(PolicyContext context, IEnumerable<RequestRecord> delivered)
    {
        var challenged = delivered.Where(r => r.IsProduction).SelectMany(r => r.Found).Distinct().Select(context.Evidence)
            .Where(e => e.Status == EvidenceStatus.Secured && !context.Requests.Any(r => !r.Emergency && r.IsProduction && r.Items.Any(i => i.Id == e.Item.Id)))
            .Select(e => e.Item).ToList();
        if (challenged.Count > 0) SendBest(context, challenged, Production, emergency: false, ordinaryOnly: true);
    }

    /// <summary>
    /// Whether the policy asks the giving state's consent before a use its terms require it for, as a careful
    /// practitioner does (ETS185 Art. 28(2)(b)); one that does not uses the item at once, and the violation is recorded.
    /// </summary>
    protected virtual bool AsksConsentBeforeUse => true;

    /// <summary>
    /// A use of a secured item beyond its purpose is wanted: the prosecutor makes it where no consent is needed or it was
    /// granted, asks for it where it is needed, and leaves the item alone where it was refused. An item not secured yet
    /// waits for the request that secures it.
    /// </summary>
    public void OnUseWanted(PolicyContext context, WantedUse use)
    {
        var prosecutor = context.Seat(Common.AuthorityRole.Prosecutor);
        if (!context.Plays(prosecutor) || context.HasUsed(use) || context.NeedsConsent(use) is not { } needs) return;
        var consent = context.ConsentFor(use);
        if (!needs || !AsksConsentBeforeUse || consent?.State == ConsentState.Granted)
            context.Decide(new UseEvidence(prosecutor, use.Evidence, use.In, use.To));
        else if (consent is null)
            context.Decide(new AskUseConsent(prosecutor, use.Evidence, use.In, use.To));
    }

    public void OnUseConsentAnswered(PolicyContext context, ConsentRecord consent)
    {
        foreach (var use in context.UsesWanted.Where(u => u.Evidence == consent.Evidence && u.Kind == consent.Use && u.For == consent.For).ToList())
            OnUseWanted(context, use);
    }

    public void OnPreservationExpiring(PolicyContext context, PreservationRecord preservation)
    {
        // The contact point extends; a trainee holding it decides for themselves.
        if (ExtendsPreservation && preservation.Lifecycle.CanExtend && context.Plays(Common.AuthorityRole.ContactPoint))
            context.Decide(new ExtendPreservation(context.Seat(Common.AuthorityRole.ContactPoint), preservation.Id));
    }

    public void OnDeadlineAtRisk(PolicyContext context, RequestRecord request)
    {
        if (Escalates && request.Lifecycle.CanFire(RequestTrigger.Escalate) && request.Escalation.CanFire(EscalationTrigger.Escalate) && context.Plays(request.IssuerSeat))
            context.Decide(new EscalateRequest(request.IssuerSeat, request.Id));
    }

    /// <summary>Whether the policy keeps the duty to tell the person whose data an order obtained (REG Art. 13); everything-fastest does not.</summary>
    protected virtual bool InformsPersons => true;

    /// <summary>
    /// Telling the person whose data an order obtained is delayed while the investigation would be obstructed by it, with
    /// that reason recorded (REG Art. 13(2), Directive (EU) 2016/680 Art. 13(3)(a)), as a prosecutor with a suspect still
    /// unaware of the investigation would. The exercise ends before the inquiry does, so the delay is what it records.
    /// </summary>
    public void OnPersonToBeInformed(PolicyContext context, RequestRecord request)
    {
        if (InformsPersons && context.Plays(request.IssuerSeat))
            context.Decide(new InformPerson(request.IssuerSeat, request.Id, Delay: true,
                Reason: "informing the person now would obstruct the ongoing investigation (Directive (EU) 2016/680 Art. 13(3)(a))"));
    }

    /// <summary>An order in default is put to enforcement by whoever issued it (REG Art. 16(1)), as any practitioner would: the data is still wanted.</summary>
    public void OnOrderInDefault(PolicyContext context, RequestRecord request)
    {
        // An order that went first in an emergency and awaits its validation is not enforced (REG Art. 4(5), 16(4)).
        if (context.Plays(request.IssuerSeat) && (request.ValidationDueBy is null || request.ValidationSettled))
            context.Decide(new EnforceOrder(request.IssuerSeat, request.Id));
    }

    public void OnRetentionAtRisk(PolicyContext context, EvidenceState evidence)
    {
        if (!Escalates) return;
        var open = context.OpenRequestsFor(evidence.Item.Id).FirstOrDefault(r => r.Escalation.CanFire(EscalationTrigger.Escalate) && r.Lifecycle.CanFire(RequestTrigger.Escalate));
        if (open is not null && context.Plays(open.IssuerSeat)) context.Decide(new EscalateRequest(open.IssuerSeat, open.Id));
    }

    private static bool Open(EvidenceState e) => e.Discovered && e.Status is EvidenceStatus.Available or EvidenceStatus.Preserved;

    /// <summary>
    /// Sends, per holder, the first applicable instrument for as many items as it covers; returns the items no
    /// instrument covered. Where an instrument applies to some of a holder's items but not to all (Art. 32 reaches
    /// the public one), it is sent for those, and the rest go on down the list.
    /// </summary>
    /// <param name="ordinaryOnly">an instrument counts as tried for an item only where an ordinary (not emergency) request used it.</param>
    protected List<EvidenceItem> SendBest(PolicyContext context, IReadOnlyList<EvidenceItem> items, IReadOnlyList<string> order, bool emergency, bool ordinaryOnly = false)
    {
        var uncovered = new List<EvidenceItem>();
        foreach (var holder in items.GroupBy(i => i.Holder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var remaining = holder.ToList();
            foreach (var id in order)
            {
                if (remaining.Count == 0) break;
                if (!context.Catalogue.TryGet(id, out var instrument)) continue;
                var covered = remaining.Where(i => instrument.Covers(i.Category) && !AlreadyTried(context, instrument.Id, i.Id, ordinaryOnly)).ToList();
                if (covered.Count == 0) continue;
                var advice = context.Advisor.Advise(instrument, context.Jurisdiction, covered.Select(i => i.Id).ToList(), emergency, detailed: false);
                if (!advice.Applicable && FollowsPractice && covered.Count > 1)
                {
                    var reachable = covered.Where(i => context.Advisor.Advise(instrument, context.Jurisdiction, [i.Id], emergency, detailed: false).Applicable).ToList();
                    if (reachable.Count > 0)
                    {
                        covered = reachable;
                        advice = context.Advisor.Advise(instrument, context.Jurisdiction, covered.Select(i => i.Id).ToList(), emergency, detailed: false);
                    }
                }
                if (!advice.Applicable) continue;
                // Issued by an office the policy plays, one that issues it itself before one that needs validation (REG Art. 4(1)(b));
                // where trainees hold every office that may issue it, theirs is the choice.
                if (advice.Issuers.Concat(advice.ValidatedIssuers.Select(v => v.Role)).Where(context.Plays).Cast<Common.AuthorityRole?>().FirstOrDefault() is not { } issuer) continue;
                foreach (var batch in SplitsConflicts ? ApartFromTheBarred(context, instrument, covered) : [covered])
                {
                    var ids = batch.Select(i => i.Id).ToList();
                    var urgent = !emergency && MarksUrgent && context.UrgencyFor(instrument, ids) is { Met: true };
                    var result = context.Decide(new SendRequest(context.Seat(issuer), instrument.Id, ids, emergency, advice.RequestedState, Urgent: urgent, Scope: Scope));
                    if (result.Accepted) remaining.RemoveAll(batch.Contains);
                }
            }
            uncovered.AddRange(remaining);
        }
        return uncovered;
    }

    /// <summary>
    /// The items in one order, or, where a third country's law bars the provider from disclosing some of them (REG
    /// Art. 17), the others in an order of their own first: the addressee's objection then holds up only the barred items.
    /// </summary>
    private static List<List<EvidenceItem>> ApartFromTheBarred(PolicyContext context, Instrument instrument, List<EvidenceItem> items)
    {
        // A home state may bar several kinds of data under different laws: move out what each bar reaches until none does.
        var free = items;
        while (context.ConflictFor(instrument, free) is { } conflict && free.Any(i => conflict.Barred.Contains(i.Category)))
            free = [.. free.Where(i => !conflict.Barred.Contains(i.Category))];
        var barred = items.Except(free).ToList();
        return barred.Count == 0 || free.Count == 0 ? [items] : [free, barred];
    }

    private static bool AlreadyTried(PolicyContext context, string instrument, string evidence, bool ordinaryOnly) =>
        context.Requests.Any(r => r.Instrument.Id == instrument && (!ordinaryOnly || !r.Emergency) && r.Items.Any(i => i.Id == evidence));
}
