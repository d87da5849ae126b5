using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// Purpose limitation and speciality (issue 14 item 2, docs/safeguards.md). Evidence a state gave was given for the
/// investigation its request stated; using it in another investigation, or passing it on to another state, needs the
/// giving state's consent where the instrument's terms say so (<see cref="UseLimit"/>: ETS185 Art. 28(2)(b), CETS 224
/// Art. 14, 2000 EU MLA Convention Art. 13(10)). The receiving state may ask (a <see cref="ConsentRecord"/>, answered by
/// the giving state's central authority: a trainee, or the engine after the catalogue's consent time); a use without
/// the consent needed is recorded as a violation with its article, and the trial of the other investigation examines it.
/// </summary>
public sealed partial class Simulation
{
    private readonly List<ConsentRecord> _consents = [];
    private readonly List<UseRecord> _uses = [];
    private readonly List<WantedUse> _usesWanted = [];

    /// <summary>The requests for consent to another use, in the order asked.</summary>
    public IReadOnlyList<ConsentRecord> Consents => _consents;
    /// <summary>The uses made of secured items beyond their purpose, in the order made.</summary>
    public IReadOnlyList<UseRecord> Uses => _uses;
    /// <summary>The uses the facts have brought up so far (a scenario's <c>uses</c> whose time has come).</summary>
    public IReadOnlyList<WantedUse> UsesWanted => _usesWanted;
    public ConsentRecord? Consent(string id) => _consents.FirstOrDefault(c => c.Id == id);

    /// <summary>
    /// The purpose and conditions a secured item was given under: the incident it was obtained for, the state that gave
    /// it through the request that first secured it, and that instrument's limits; null while it is not secured.
    /// </summary>
    public UseTerms? UseTermsOf(string evidence)
    {
        if (!_evidence.TryGetValue(evidence, out var st) || st.Status != EvidenceStatus.Secured || st.SecuredBy is null) return null;
        var r = _requestsById[st.SecuredBy];
        // No state gives what an order at home, access under Art. 32 or a provider's voluntary answer brings.
        var giver = r.Instrument.Channel is Channel.Domestic or Channel.Unilateral || (r.Instrument.Channel == Channel.DirectToProvider && !r.Instrument.Binding)
            || r.RequestedState == r.Issuer ? null : r.RequestedState;
        return new UseTerms(evidence, World.IncidentOf(st.Item).Id, giver, r.Id, r.Instrument, r.Conditions.Count == 0 ? null : r.Conditions);
    }

    /// <summary>
    /// Whether this use of the item needs its giving state's consent, and under which article; null where none is
    /// needed (no state gave it, or the instrument sets no limit that asks for consent).
    /// </summary>
    public static UseLimit? ConsentNeededFor(UseTerms terms, UseKind use) => terms.LimitFor(use) is { NeedsConsent: true } limit ? limit : null;

    private void ScheduleWantedUses()
    {
        foreach (var use in World.Uses)
            At(Max(use.At, World.Start), () => WantUse(use));
    }

    /// <summary>Wanted uses whose time came before their item was known to its state: told when its lead is discovered.</summary>
    private readonly List<WantedUse> _usesAwaitingDiscovery = [];

    private void WantUse(WantedUse use)
    {
        if (!_evidence[use.Evidence].Discovered)
        {
            _usesAwaitingDiscovery.Add(use);
            return;
        }
        _usesWanted.Add(use);
        Record(new UseWanted(use.Id, use.Evidence, Names.Kebab(use.Kind), use.For, use.Note));
        WithPolicy(World.IncidentOf(World.Item(use.Evidence)).Investigating, (p, c) => p.OnUseWanted(c, use));
    }

    /// <summary>Tells the state of the wanted uses waiting for the items its newly discovered lead holds.</summary>
    private void WantUsesOf(string lead)
    {
        foreach (var use in _usesAwaitingDiscovery.Where(u => World.Item(u.Evidence).Lead == lead).ToList())
        {
            _usesAwaitingDiscovery.Remove(use);
            WantUse(use);
        }
    }

    /// <summary>Why this seat may not put the item to this use (in the decision's field), or null; with what the use is.</summary>
    private string? UseProblem(string actor, string evidence, string? into, string? to, out UseKind kind, out string target, out UseTerms? terms)
    {
        (kind, target, terms) = (into is null ? UseKind.OnwardTransfer : UseKind.OtherInvestigation, into ?? to ?? "", null);
        if ((into is null) == (to is null)) return "in/to: give in (another incident of your state) or to (another state), one of the two";
        if (string.IsNullOrWhiteSpace(evidence) || !World.HasItem(evidence)) return $"evidence: no evidence item '{evidence}' in this scenario";
        var state = Seat.Parse(actor).Jurisdiction;
        var purpose = World.IncidentOf(World.Item(evidence));
        if (purpose.Investigating != state) return $"evidence: {evidence} was obtained for {purpose.Id}, investigated by {purpose.Investigating}: {state} does not hold it";
        terms = UseTermsOf(evidence);
        if (terms is null) return $"evidence: {evidence} has not been secured: there is nothing to use yet";
        if (into is not null)
        {
            if (!World.Incidents.Any(i => i.Id == into)) return $"in: no incident '{into}' in this scenario";
            if (into == purpose.Id) return $"in: {evidence} was obtained for {into}: using it there is its purpose";
            if (World.Incident(into).Investigating != state) return $"in: {into} is investigated by {World.Incident(into).Investigating}, not {state}: to let another state have it, pass it on (to)";
        }
        else
        {
            if (!World.HasJurisdiction(to!)) return $"to: no state '{to}' in this scenario";
            if (to == state) return $"to: {to} is your own state";
            if (to == terms.Giver) return $"to: {to} gave {evidence}: returning it is not an onward transfer";
        }
        return null;
    }

    private DecisionResult Use(UseEvidence command)
    {
        if (UseProblem(command.Actor, command.Evidence, command.In, command.To, out var kind, out var target, out var terms) is { } problem)
            return DecisionResult.Rejected(problem);
        if (_uses.Any(u => u.Evidence == command.Evidence && u.Use == kind && u.For == target))
            return DecisionResult.Rejected($"evidence: {command.Evidence} is already used {UseWords(kind, target)}");
        var limit = ConsentNeededFor(terms!, kind);
        var consent = _consents.FirstOrDefault(c => c.Evidence == command.Evidence && c.Use == kind && c.For == target && c.State == ConsentState.Granted);
        var violation = limit is not null && consent is null;
        Record(new DecisionTaken(command.Actor, "use-evidence", null, $"{command.Evidence} {UseWords(kind, target)}"));
        Record(new EvidenceUsed(command.Evidence, Names.Kebab(kind), target, command.Actor, limit is not null, consent?.Id, Note(command.Note)));
        if (violation)
        {
            var asked = _consents.LastOrDefault(c => c.Evidence == command.Evidence && c.Use == kind && c.For == target);
            var why = asked is null ? "no consent was asked"
                : asked.State == ConsentState.Refused ? $"{terms!.Giver} refused it ({asked.Id}{(asked.Reason is null ? "" : $": {asked.Reason}")})"
                : $"{asked.Id} was still awaiting {terms!.Giver}'s answer";
            Record(new PurposeViolated(command.Evidence, Names.Kebab(kind), target, command.Actor, terms!.Giver!, why, limit!.Source));
        }
        _uses.Add(new UseRecord(command.Evidence, kind, target, command.Actor, Now, limit is not null, consent?.Id, violation, limit?.Source ?? terms!.Describe()));
        return new DecisionResult(true, violation
            ? $"{command.Evidence} used {UseWords(kind, target)} WITHOUT {terms!.Giver}'s consent: a violation of {limit!.Source} is recorded"
            : $"{command.Evidence} used {UseWords(kind, target)}{(consent is null ? "; no consent was needed" : $" with {terms!.Giver}'s consent ({consent.Id})")}");
    }

    private DecisionResult AskConsent(AskUseConsent command)
    {
        if (UseProblem(command.Actor, command.Evidence, command.In, command.To, out var kind, out var target, out var terms) is { } problem)
            return DecisionResult.Rejected(problem);
        if (ConsentNeededFor(terms!, kind) is not { } limit)
            return DecisionResult.Rejected($"evidence: no consent is needed to use {command.Evidence} {UseWords(kind, target)}: {terms!.Describe()}");
        if (_consents.FirstOrDefault(c => c.Evidence == command.Evidence && c.Use == kind && c.For == target) is { } earlier)
            return DecisionResult.Rejected($"evidence: {earlier.Id} already asked {earlier.Giver} for this use, and it is {Names.Kebab(earlier.State)}");
        var consent = new ConsentRecord
        {
            Id = $"consent-{_consents.Count + 1:000}",
            Evidence = command.Evidence,
            Use = kind,
            For = target,
            AskedBy = command.Actor,
            Giver = terms!.Giver!,
            AnswererSeat = Names.Seat(terms.Giver!, AuthorityRole.CentralAuthority),
            Source = limit.Source,
            AskedAt = Now,
        };
        _consents.Add(consent);
        Record(new DecisionTaken(command.Actor, "ask-use-consent", null, consent.Id));
        Record(new UseConsentAsked(consent.Id, consent.Evidence, Names.Kebab(kind), target, command.Actor, consent.Giver, limit.Source, Note(command.Note)));
        if (!IsHuman(consent.AnswererSeat)) ScheduleConsentAnswer(consent);
        return new DecisionResult(true, $"{consent.Id}: {consent.Giver}'s central authority is asked for consent to use {command.Evidence} {UseWords(kind, target)}");
    }

    private DecisionResult AnswerConsent(AnswerUseConsent command)
    {
        if (Consent(command.Consent) is not { } consent) return DecisionResult.Rejected($"consent: no request for consent '{command.Consent}'");
        if (command.Actor != consent.AnswererSeat) return DecisionResult.Rejected($"consent: {consent.Id} is for {consent.AnswererSeat} to answer");
        if (consent.Lifecycle.IsAnswered) return DecisionResult.Rejected($"consent: {consent.Id} is already {Names.Kebab(consent.State)}");
        var reason = Note(command.Reason);
        if (!command.Grant && reason is null) return DecisionResult.Rejected("reason: say why consent is refused: the receiving state is told");
        Record(new DecisionTaken(command.Actor, command.Grant ? "grant-use-consent" : "refuse-use-consent", null, consent.Id));
        Settle(consent, command.Grant, command.Actor, reason);
        return new DecisionResult(true, $"{consent.Id} {(command.Grant ? "granted" : "refused")}");
    }

    /// <summary>The engine's central authority answers after the catalogue's consent time, in its office hours.</summary>
    private void ScheduleConsentAnswer(ConsentRecord consent)
    {
        var giver = World.Jurisdiction(consent.Giver);
        // Handed to the engine a second time, the consent is answered by the latest schedule only.
        var version = ++consent.EngineAnswerVersion;
        var done = Now + Catalogue.Figures.ConsentAnswerTime.Draw(_random.Derive($"{consent.Id}/{version}"), CapabilityFactor(giver.Id));
        At(Options.AnswersInOfficeHours ? giver.Calendar.NextOpening(done) : done, () =>
        {
            if (version == consent.EngineAnswerVersion) AnswerConsentByEngine(consent);
        });
    }

    /// <summary>
    /// The engine answers as the giving state would: consent is refused where the state could have refused assistance
    /// for that use on a ground the instrument gives it (the other investigation's offence political to it, not an
    /// offence there where it requires dual criminality; an onward transfer to a state it will not assist), and granted
    /// otherwise. The simulator's reading of practice (docs/safeguards.md).
    /// </summary>
    private void AnswerConsentByEngine(ConsentRecord consent)
    {
        if (_ended || consent.Lifecycle.IsAnswered || IsHuman(consent.AnswererSeat)) return;
        var item = World.Item(consent.Evidence);
        if (UseTermsOf(consent.Evidence) is not { } terms)
        {
            // Erased since it was asked for (an objection under REG Art. 10(4), a validation refused): nothing is left to consent to.
            Settle(consent, false, consent.AnswererSeat, $"{item.Id} is no longer held by {Seat.Parse(consent.AskedBy).Jurisdiction}: it was erased");
            return;
        }
        var giver = World.Jurisdiction(consent.Giver);
        var (asking, offence) = consent.Use == UseKind.OtherInvestigation
            ? (World.Jurisdiction(World.Incident(consent.For).Investigating), OffenceNow(World.Incident(consent.For)))
            : (World.Jurisdiction(consent.For), OffenceNow(World.IncidentOf(item)));
        // The grounds consent may be withheld on: the instrument's own, or another's where its limit says so (a joint
        // team's member may withhold it where it could refuse mutual assistance: 2000 EU MLA Convention Art. 13(10)(b)).
        var limit = terms.LimitFor(consent.Use);
        var grounds = limit?.ConsentGroundsOf is { } other && Catalogue.TryGet(other, out var assistance) ? assistance.RefusalGrounds : terms.Instrument.RefusalGrounds;
        var ground = grounds.FirstOrDefault(g => g.By == Reviewer.RequestedState && g.When != RefusalCondition.ProviderPolicy
            && Core.Rules.RequestRules.GroundHolds(g, asking, giver, offence, [item.Category]));
        Settle(consent, ground is null, consent.AnswererSeat,
            ground is null ? null : $"{ground.Description} The assistance could have been refused for this use on that ground ({ground.Source}).");
    }

    private void Settle(ConsentRecord consent, bool granted, string by, string? reason)
    {
        consent.Lifecycle.Fire(granted ? ConsentTrigger.Grant : ConsentTrigger.Refuse);
        consent.AnsweredAt = Now;
        consent.Reason = reason;
        Record(new UseConsentAnswered(consent.Id, granted, by, reason));
        WithPolicy(Seat.Parse(consent.AskedBy).Jurisdiction, (p, c) => p.OnUseConsentAnswered(c, consent));
    }

    /// <summary>What a trainee left with the seat now played by the engine: consents to answer, wanted uses to act on.</summary>
    private void TakeUpUses(Func<string, bool> seatHandedOver, Func<string, bool> stateHandedOver)
    {
        foreach (var consent in _consents.Where(c => !c.Lifecycle.IsAnswered && seatHandedOver(c.AnswererSeat)).ToList())
            ScheduleConsentAnswer(consent);
        foreach (var use in _usesWanted.ToList())
        {
            var state = World.IncidentOf(World.Item(use.Evidence)).Investigating;
            if (stateHandedOver(state)) WithPolicy(state, (p, c) => p.OnUseWanted(c, use));
        }
    }

    private static string? Note(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string UseWords(UseKind kind, string target) => kind == UseKind.OnwardTransfer ? $"passed on to {target}" : $"in {target}";
}
