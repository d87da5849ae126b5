namespace Simulator.Reports.AfterAction;

/// <summary>
/// How one kind of finding becomes a corrective action. Templates name values in braces ({holder}, {items},
/// {state}, {issuer}, {request}, {used}, {ground}, {source}, {expected}, ...). {instrument} is the first instrument
/// of <see cref="Instruments"/> that the catalogue's rules allow for this evidence and issuer, cited with its legal
/// basis, and {office} the office that issues it; when none applies, <see cref="Fallback"/> and
/// <see cref="FallbackResponsible"/> are used instead.
/// </summary>
public sealed record CorrectiveActionRule(
    string Key,
    string Capability,
    string Element,
    string Issue,
    string Action,
    string? Fallback,
    string Responsible,
    string FallbackResponsible,
    TimeSpan DueWithin,
    IReadOnlyList<string> Instruments,
    bool BindingOnly = false);

/// <summary>
/// The one table from finding kinds to corrective actions. A rule taken from a legal text is cited here, where the
/// advice is defined; the recommended instruments' own articles come from the catalogue.
/// </summary>
public static class CorrectiveActionTable
{
    public static class Elements
    {
        public const string Planning = "planning";
        public const string Organization = "organization";
        public const string Equipment = "equipment";
        public const string Training = "training";
        public const string Exercise = "exercise";
    }

    private static readonly IReadOnlyList<string> Preservation = Core.Policies.InstrumentLists.Preservation;
    // What the report recommends for production and around a refusal: the direct routes that the rules may allow
    // for the finding's evidence, without the open-source and voluntary routes a policy also tries.
    private static readonly string[] Production =
        ["domestic-production-order", "eu-epoc", "budapest-2ap-art7-subscriber-order", "cloud-act-order", "cloud-act-order-us", "budapest-2ap-art8-giving-effect", "budapest-art31-mla", "letters-rogatory"];
    private static readonly string[] AroundRefusal =
        ["eu-epoc", "budapest-2ap-art7-subscriber-order", "cloud-act-order", "cloud-act-order-us", "provider-voluntary-disclosure", "joint-investigation-team", "budapest-art31-mla", "letters-rogatory"];
    private static readonly string[] PathDisclosing = ["budapest-art29-preservation", "budapest-art30-expedited-disclosure"];

    private static TimeSpan Days(int n) => TimeSpan.FromDays(n);

    private const string Preserving = "Evidence preservation";
    private const string Network = "Operational coordination - 24/7 network";
    private const string Mla = "Legal instruments - mutual legal assistance";
    private const string Deadlines = "Operational coordination - follow-up of requests";
    private const string Msel = "Exercise design and evaluation";

    public static readonly IReadOnlyList<CorrectiveActionRule> Rules =
    [
        // Evidence lost, by where the effort to secure it stood when it was lost (LossCauses).
        new("evidence-lost/lead-not-discovered", Network, Elements.Planning,
            "{items} at {holder} lost before the lead to them was known",
            "Ask for the path with the first preservation: {instrument} discloses the next provider in the chain, so that {holder}'s data is known and frozen before its {retention} retention ends.",
            "Review how the lead to {holder} reaches the investigators, and plan each next hop before the previous one is answered.",
            "{office}", "cybercrime investigators of {issuer}", Days(30), PathDisclosing),
        new("evidence-lost/no-request", Preserving, Elements.Planning,
            "{items} at {holder} lost: the lead was known but no request was sent",
            "Freeze first: send {instrument} for {holder}'s data the day its lead is known, then decide how to obtain it.",
            "Freeze first: ask {holder} to preserve the data the day its lead is known, even where no binding instrument applies.",
            "{office}", "prosecutor's office of {issuer}", Days(30), Preservation),
        new("evidence-lost/request-not-sent", Preserving, Elements.Planning,
            "{items} at {holder} lost while {request} ({used}) was still being drafted",
            "Send {instrument} at once, while {used} is being drafted: a preservation takes hours, a full request weeks.",
            "Shorten the drafting of requests for data with a short retention: keep templates ready and send urgent requests in advance where the instrument allows.",
            "{office}", "prosecutor's office of {issuer}", Days(30), Preservation),
        new("evidence-lost/production-without-preservation", Preserving, Elements.Planning,
            "{items} at {holder} lost while {request} ({used}) waited for an answer and nothing froze the data",
            "Preserve alongside every production request for data with a short retention: {instrument} holds {holder}'s data while {used} is pending.",
            "Ask {holder} to preserve the data alongside {used}, and mark the request urgent because the data is at risk of loss.",
            "{office}", "central authority of {issuer}", Days(30), Preservation),
        new("evidence-lost/preservation-too-slow", Network, Elements.Organization,
            "{items} at {holder} lost before {request} ({used}) took effect",
            "Use the fastest preservation route to {holder}, {instrument}, and agree with {state}'s 24/7 contact point how urgent preservation requests reach the provider outside office hours.",
            "Agree with {state}'s 24/7 contact point how urgent preservation requests reach {holder} outside office hours, and escalate as soon as a retention warning comes.",
            "24/7 contact point of {issuer}", "24/7 contact point of {issuer}", Days(60), Preservation),
        new("evidence-lost/preservation-lapsed", Mla, Elements.Planning,
            "{items} at {holder} lost when the preservation under {request} ({used}) lapsed",
            "Track every preservation's end date: have {instrument} reach {state} before the preservation ends, or extend it where the instrument allows.",
            "Track every preservation's end date, and send the production request early enough to reach {state} before it ends.",
            "{office}", "central authority of {issuer}", Days(30), Production),
        new("evidence-lost/no-follow-up", Preserving, Elements.Planning,
            "{items} at {holder} lost after {request} ({used}) ended without the data",
            "When a request ends without the data, follow up the same day through another route: {instrument}.",
            "When a request ends without the data, follow up the same day through another route.",
            "{office}", "prosecutor's office of {issuer}", Days(30), Preservation),

        // Refusals, by the kind of ground (the catalogue's refusal condition).
        new("request-refused/political-offence", Mla, Elements.Planning,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Before sending requests in a politically sensitive case, consult {state}'s central authority (through Eurojust or a liaison magistrate), and use a route on which this ground is not open: {instrument}.",
            "Before sending requests in a politically sensitive case, consult {state}'s central authority (through Eurojust or a liaison magistrate), and set out the conduct so that its ordinary criminal character is clear.",
            "central authority of {issuer}", "central authority of {issuer}", Days(60), AroundRefusal),
        new("request-refused/sovereignty-concern", Mla, Elements.Planning,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Before sending requests that touch {state}'s essential interests, consult its central authority, and use a route on which this ground is not open: {instrument}.",
            "Before sending requests that touch {state}'s essential interests, consult its central authority and limit the request to what the investigation needs.",
            "central authority of {issuer}", "central authority of {issuer}", Days(60), AroundRefusal),
        new("request-refused/offence-not-criminalised", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            // Dual criminality is judged on the conduct, not the label: ETS185 Art. 25(5).
            "Set out the conduct, not the name of the offence, so that dual criminality is judged on the conduct (ETS185 Art. 25(5)); where it is still not met, use {instrument}.",
            "Set out the conduct, not the name of the offence, so that dual criminality is judged on the conduct (ETS185 Art. 25(5)).",
            "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(90), AroundRefusal),
        new("request-refused/offence-on-its-territory-not-criminalised", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            // Directive 2014/41/EU Art. 11(1)(e): no Annex D exception reaches it.
            "Set out where the offence was committed: where part of it happened in your state, say so with the facts; where it happened in {state} and is no offence there, use {instrument}.",
            "Set out where the offence was committed: where part of it happened in your state, say so with the facts that show it.",
            "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), AroundRefusal),
        new("request-refused/measure-restricted", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Check which measures {state}'s law allows for this offence before issuing; ask for what it allows (subscriber identification always is, Directive 2014/41/EU Art. 10(2)(e)), or use {instrument}.",
            "Check which measures {state}'s law allows for this offence before issuing, and ask for what it allows (subscriber identification always is, Directive 2014/41/EU Art. 10(2)(e)).",
            "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), AroundRefusal),
        new("request-refused/over-broad", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Ask only for what the facts link to the offence (the identifiers and the period they support), and send the narrower request through {instrument}.",
            "Ask only for what the facts link to the offence: the identifiers and the period they support.",
            "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(30), AroundRefusal),
        new("request-refused/privileged-data", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Check immunities and privileges before issuing, and narrow the request to what the ground leaves open.",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), []),
        new("request-refused/fundamental-rights-concern", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Set out necessity and proportionality in the request, and narrow it to what the investigation needs.",
            null, "investigating judge of {issuer}", "investigating judge of {issuer}", Days(60), []),
        new("request-refused/ne-bis-in-idem", Mla, Elements.Training,
            "{state} refused {request} ({used}) on the ground {ground}: {description} ({source})",
            "Check earlier proceedings against the same person for the same acts before issuing, and coordinate with the state that tried them.",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), []),
        new("request-refused/no-agreement", Mla, Elements.Planning,
            "{state} did not agree to {request} ({used}): {description} ({source})",
            "Agree a joint team with {state} before drafting it (through Eurojust or its central authority), and meanwhile ask for the evidence through {instrument}.",
            "Agree a joint team with {state} before drafting it, through Eurojust or its central authority.",
            "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(30), AroundRefusal),
        new("request-refused/provider-policy", "Operational coordination - provider channels", Elements.Planning,
            "{holder} declined {request} ({used}) under its own policy ({source})",
            "Do not rely on {holder}'s voluntary cooperation: use a binding instrument, {instrument}.",
            "Do not rely on {holder}'s voluntary cooperation alone: prepare a formal request in parallel.",
            "{office}", "prosecutor's office of {issuer}", Days(30), [.. Preservation, .. Production], BindingOnly: true),

        // Reviews: what the reviewing officer confirmed against the case's facts.
        new("review-unsupported/unsupported", "Rights and safeguards - review of requests", Elements.Training,
            "{reviewer} answered {request} ({used}) from {issuer} ({answer}) confirming what the facts do not support: {unsupported}",
            "Check dual criminality on the conduct, and each refusal ground open to {state}, against the request's facts before confirming the review, and record the reasons in the case file.",
            null, "{reviewer}", "{reviewer}", Days(60), []),

        // The scope of a request, and what the trial made of what it brought (docs/safeguards.md).
        new("request-over-broad/over-broad", "Rights and safeguards - scope of requests", Elements.Training,
            "{request} ({used}) to {state} asked beyond what the facts support: {excess}{narrowed}",
            "Ask only for the identifiers and the period the facts link to the offence, and say in the request why each is needed (REG 2023/1543 Art. 5(2); Budapest Art. 15(1)-(2)): a broader request brings third parties' data and is open to challenge at trial.",
            null, "{requester}", "{requester}", Days(30), []),
        new("evidence-not-admitted/admissible-under-challenge", "Rights and safeguards - admissibility", Elements.Training,
            "{items} secured by {issuer} is open to challenge at trial: {findings}",
"Before trial, {remedy}; brief the prosecutor on the challenge to expect ({sources}).",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(30), []),
        new("evidence-not-admitted/excluded", "Rights and safeguards - admissibility", Elements.Training,
            "{items} secured by {issuer} would be excluded at trial: {findings}",
            "Keep every copy's custody verifiable from the holder to the court, and obtain the item again where its chain broke ({sources}).",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(30), []),

        // Deadlines.
        new("deadline-at-risk/at-risk", Deadlines, Elements.Organization,
            "{request} ({used}) to {state} came close to its deadline ({outcome})",
            "Keep a deadline diary for every request with a legal deadline, and escalate to {state} at the first warning.",
            null, "{requester}", "{requester}", Days(30), []),
        new("deadline-at-risk/missed", Deadlines, Elements.Organization,
            "{request} ({used}) to {state} missed its deadline",
            "Escalate requests at risk to the requested authority or provider at the first warning, and record each follow-up in the case file.",
            null, "{requester}", "{requester}", Days(30), []),

        // Objectives not met, by measure.
        new("objective-not-met/preservation-requested", Preserving, Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Practise the first hours of the case until {items} is frozen in time: {instrument}.",
            "Practise the first hours of the case until a preservation request for {items} goes out in time.",
            "{office}", "prosecutor's office of {issuer}", Days(90), Preservation),
        new("objective-not-met/evidence-preserved", Preserving, Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Practise the first hours of the case until {items} is frozen in time: {instrument}.",
            "Practise the first hours of the case until {items} is frozen in time.",
            "{office}", "prosecutor's office of {issuer}", Days(90), Preservation),
        new("objective-not-met/evidence-secured", Mla, Elements.Planning,
            "Objective {objective} {rating}: {evidence}",
            "Plan how {items} is obtained in time, by the fastest route the law allows: {instrument}.",
            "Plan how {items} is obtained in time, and which route is fastest.",
            "{office}", "prosecutor's office of {issuer}", Days(60), Production),
        new("objective-not-met/instrument-used", "Legal instruments", Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Train the {office} on {instrument}, and add it to the case checklist.",
            "Train the investigating authorities on {measureInstrument}, and add it to the case checklist.",
            "{office}", "prosecutor's office of {issuer}", Days(90), ["{measureInstrument}"]),
        new("objective-not-met/no-evidence-lost", Preserving, Elements.Exercise,
            "Objective {objective} {rating}: {evidence}",
            "Play the scenario again with a preservation-first procedure, and check each loss listed under the areas for improvement.",
            null, "exercise planning team of {issuer}", "exercise planning team of {issuer}", Days(90), []),
        new("objective-not-met/no-over-broad-request", "Rights and safeguards - scope of requests", Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Train drafting to the need: the identifiers and the period the facts link to the offence, each with why it is needed (REG 2023/1543 Art. 5(2); Budapest Art. 15(1)-(2)).",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), []),
        new("objective-not-met/no-evidence-excluded", "Rights and safeguards - admissibility", Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Review with the prosecutors how each item not admitted cleanly was obtained, and obtain it again within what the facts support, with its custody kept verifiable.",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), []),
        new("objective-not-met/purpose-respected", "Rights and safeguards - purpose limitation", Elements.Training,
            "Objective {objective} {rating}: {evidence}",
            "Train the prosecutors to read the conditions evidence was given under before using it elsewhere, and to ask the giving state's consent first (ETS185 Art. 28(2)(b); CETS 224 Art. 14; 2000 EU MLA Convention Art. 13(10)).",
            null, "prosecutor's office of {issuer}", "prosecutor's office of {issuer}", Days(60), []),
        new("objective-not-met/inject-answered", Msel, Elements.Organization,
            "Objective {objective} {rating}: {evidence}",
            "Name who answers inject {inject} and by when, in the case procedures, and practise the answer.",
            null, "exercise planning team of {issuer}", "exercise planning team of {issuer}", Days(30), []),

        // The MSEL.
        new("expected-action-not-taken/inject", Msel, Elements.Planning,
            "Inject {inject} ({title}): the expected action was not taken: {expected}",
            "Write what the inject expected into the case procedures, and practise it: {expected}",
            null, "{recipients}", "{recipients}", Days(30), []),
        new("consequence-inject/inject", Msel, Elements.Exercise,
            "Inject {inject} ({title}) fired because its condition held, and destroyed {items}",
            "Put the MSEL's debrief point on the after-action meeting's agenda: {expected}",
            null, "exercise planning team of {issuer}", "exercise planning team of {issuer}", Days(14), []),
    ];

    private static readonly Dictionary<string, CorrectiveActionRule> ByKey = Rules.ToDictionary(r => r.Key, StringComparer.Ordinal);

    public static CorrectiveActionRule For(string kind, string? cause) =>
        ByKey.TryGetValue($"{kind}/{cause}", out var rule) ? rule
        : throw new KeyNotFoundException($"no corrective action for '{kind}/{cause}'");
}
