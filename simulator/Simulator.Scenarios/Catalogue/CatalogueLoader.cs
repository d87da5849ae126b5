using System.Text.Json;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Schema;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Catalogue;

/// <summary>
/// Reads the instrument catalogue: the shipped one (embedded from scenarios/catalogue/instruments.yaml) or
/// another file a planner points at. Structure is checked by the JSON Schema, meaning (references between
/// instruments and frameworks, ranges, issuers per category) here. All or nothing.
/// </summary>
public static class CatalogueLoader
{
    public const string ShippedName = "scenarios/catalogue/instruments.yaml";
    private static readonly Lazy<string> ShippedCatalogueText = new(() => EmbeddedFiles.Read("catalogue/instruments.yaml"));
    private static readonly Lazy<InstrumentCatalogue> ShippedCatalogue = new(() => Parse(ShippedText, ShippedName));
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, InstrumentCatalogue> Pinned = new(StringComparer.Ordinal);

    public static InstrumentCatalogue Shipped => ShippedCatalogue.Value;

    /// <summary>The shipped catalogue's text: what a new exercise or record pins as the law it was made under.</summary>
    public static string ShippedText => ShippedCatalogueText.Value;

    private static readonly Lazy<string> BeforePinningText = new(() => EmbeddedFiles.Read("catalogue/history/instruments-2026.12.1.yaml"));

    /// <summary>
    /// The catalogue shipped when exercises did not pin theirs yet (scenarios/catalogue/history): what an exercise or
    /// record stored without a catalogue was made under, and is pinned to when it is loaded.
    /// </summary>
    public static string TextBeforePinning => BeforePinningText.Value;

    /// <summary>
    /// The catalogue an exercise or record pinned, from its text: the shipped one when the text is the shipped text,
    /// otherwise parsed once and kept (exercises of one server pin few distinct catalogues).
    /// </summary>
    public static InstrumentCatalogue Pinning(string text) =>
        text == ShippedText ? Shipped : Pinned.GetOrAdd(text, t => Parse(t, "the catalogue pinned by the exercise"));

    public static InstrumentCatalogue Load(string path) => Parse(YamlFile.Read(path, "the catalogue"), path);

    public static InstrumentCatalogue Parse(string text, string file)
    {
        var (root, map) = YamlToJson.Read(text, file);
        var problems = SchemaCheck.Catalogue.Value.Check(root, map).ToList();
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var dto = FileJson.Read<CatalogueFile>(root!, map);

        var frameworks = dto.Frameworks.Select(f => new Framework(f.Id, f.Name, f.Source, f.Note, f.InForce, f.InForceSource)).ToList();
        var frameworkIds = frameworks.Select(f => f.Id).ToHashSet();
        var offenceLists = new List<OffenceList>();
        for (var l = 0; l < dto.OffenceLists.Count; l++)
        {
            var f = dto.OffenceLists[l];
            if (offenceLists.Any(o => o.Id == f.Id)) problems.Add(map.At($"/offence-lists/{l}/id", $"offence list id '{f.Id}' is used twice"));
            offenceLists.Add(new OffenceList(f.Id, f.Name, f.Conducts, f.Source, f.Unsure));
        }
        var emergencies = dto.Emergencies.Select(e => new EmergencyDefinition(e.Id, e.Name, e.Threats.Select(Names.Parse<Simulator.Core.World.Threat>).ToList(), e.Source, e.Unsure)).ToList();
        var instrumentIds = dto.Instruments.Select(i => i.Id).ToHashSet();
        var instruments = new List<Instrument>();
        var seen = new HashSet<string>();
        for (var i = 0; i < dto.Instruments.Count; i++)
        {
            var f = dto.Instruments[i];
            var at = $"/instruments/{i}";
            if (!seen.Add(f.Id)) problems.Add(map.At($"{at}/id", $"instrument id '{f.Id}' is used twice"));
            var categories = f.Categories.Select(Names.Parse<DataCategory>).ToList();
            var issuers = new Dictionary<DataCategory, IReadOnlyList<AuthorityRole>>();
            foreach (var c in categories)
            {
                var key = f.Issuers.ContainsKey(Names.Kebab(c)) ? Names.Kebab(c) : "all";
                if (f.Issuers.TryGetValue(key, out var roles)) issuers[c] = roles.Select(Names.Parse<AuthorityRole>).ToList();
                else problems.Add(map.At($"{at}/issuers", $"{f.Id} covers {Names.Kebab(c)} data but names no issuer for it", "add the category or 'all' under issuers"));
            }
            for (var p = 0; p < f.Preconditions.Count; p++)
            {
                var pre = f.Preconditions[p];
                foreach (var fw in (pre.Frameworks ?? []).Append(pre.Framework).OfType<string>())
                    if (!frameworkIds.Contains(fw))
                        problems.Add(map.At($"{at}/preconditions/{p}", $"unknown framework '{fw}'", $"frameworks: {string.Join(", ", frameworkIds)}"));
                if (pre.Instrument is not null && !instrumentIds.Contains(pre.Instrument))
                    problems.Add(map.At($"{at}/preconditions/{p}/instrument", $"unknown instrument '{pre.Instrument}'"));
                CheckExceptions(pre.Exceptions, $"{at}/preconditions/{p}/exceptions", offenceLists, map, problems);
            }
            for (var g = 0; g < f.RefusalGrounds.Count; g++)
            {
                var ground = f.RefusalGrounds[g];
                CheckExceptions(ground.Exceptions, $"{at}/refusal-grounds/{g}/exceptions", offenceLists, map, problems);
            }
            if (f.Purpose == "preservation" && f.Preservation is null)
                problems.Add(map.At($"{at}/purpose", $"{f.Id} is a preservation instrument but states no preservation period", "add a preservation: block with its period and source"));
            if (f.Notification is not null && !f.Preconditions.Any(p => p.Kind == "provider-offers-services-in"))
                problems.Add(map.At($"{at}/notification", $"{f.Id} notifies an enforcing state but says nothing of where the provider offers services", "add a provider-offers-services-in precondition: it decides the enforcing state"));
            var emergencyDefinition = f.EmergencyDefinition is null ? null : emergencies.FirstOrDefault(e => e.Id == f.EmergencyDefinition);
            if (f.EmergencyDefinition is not null && emergencyDefinition is null)
                problems.Add(map.At($"{at}/emergency-definition", $"unknown emergency definition '{f.EmergencyDefinition}'", emergencies.Count == 0 ? "add it under emergencies" : $"emergencies: {string.Join(", ", emergencies.Select(e => e.Id))}"));
            var timing = Timing(f.Timing, $"{at}/timing", map, problems);
            if (f.Urgent is { SpeedFactor: <= 0 or > 1 })
                problems.Add(map.At($"{at}/urgent/speed-factor", $"{f.Id}'s urgent speed factor {f.Urgent.SpeedFactor} is not a share of the usual time", "give a number above 0 and at most 1"));
            if (f.ScopeReview is not null && f.Channel is not ("central-authorities" or "contact-points" or "joint-team"))
                problems.Add(map.At($"{at}/scope-review", $"{f.Id} goes to {f.Channel}, where no requested state reviews it: nobody on the way could narrow it",
                    "give scope-review only to an instrument a requested state reviews (central-authorities, contact-points, joint-team)"));
            var useLimits = UseLimits(f, at, map, problems, instrumentIds);
            var conflict = ConflictRule(f, at, map, problems);
            var enforcement = EnforcementRule(f, at, map, problems);
            if (f.InformsPerson is not null && f.Purpose != "production")
                problems.Add(map.At($"{at}/informs-person", $"{f.Id} produces no data, so there is nobody to inform of a production", "informs-person is for production orders (purpose: production)"));
            var validation = ValidationRules(f, categories, issuers, at, map, problems);
            var deadlines = new Dictionary<DataCategory, LegalDuration>();
            foreach (var (key, d) in f.ResponseDeadlines ?? [])
            {
                var category = categories.FirstOrDefault(c => Names.Kebab(c) == key);
                if (!categories.Any(c => Names.Kebab(c) == key))
                    problems.Add(map.At($"{at}/response-deadlines/{key}", $"{f.Id} sets a deadline for {key} data, which it does not cover", $"it covers {string.Join(", ", categories.Select(Names.Kebab))}"));
                else deadlines[category] = Legal(d)!;
            }
            if (problems.Count > 0) continue;
            instruments.Add(new Instrument(
                f.Id, f.Name, f.LegalBasis, f.Summary,
                Names.Parse<InstrumentPurpose>(f.Purpose), Names.Parse<Channel>(f.Channel),
                categories, issuers,
                f.Preconditions.Select(p => new Precondition(Names.Parse<PreconditionKind>(p.Kind), p.Source, p.Framework, p.Frameworks, p.Agreement, p.Years,
                    p.Categories?.Select(Names.Parse<DataCategory>).ToList(), p.Capability, p.Instrument,
                    Exceptions(p.Exceptions, offenceLists, p.UnlessConducts is { Count: > 0 } unless ? new ExceptionToRule(unless, p.Source) : null),
                    p.Between == "requested-state", p.Reservation, p.OfferingServices?.Select(Names.Parse<DataCategory>).ToList())).ToList(),
                f.Binding, f.Emergency == "only", f.Emergency is "only" or "supported",
                Legal(f.ResponseDeadline), Legal(f.EmergencyDeadline),
                f.Preservation is null ? null : new PreservationTerms(Legal(f.Preservation.Period)!, Legal(f.Preservation.Extension),
                    f.Preservation.MaxExtensions, f.Preservation.ContinuesPendingProduction, f.Preservation.ContinuationSource),
                f.Notification is null ? null : new EnforcingStateNotification(f.Notification.Categories.Select(Names.Parse<DataCategory>).ToList(),
                    Legal(f.Notification.ObjectionWindow)!, Legal(f.Notification.EmergencyObjectionWindow)!, f.Notification.Source,
                    f.Notification.EmergencyTransferAtOnce, f.Notification.EmergencyTransferSource, f.Notification.DomesticCaseSource, f.Notification.NoGroundSource),
                f.RefusalGrounds.Select(g => new RefusalGround(g.Id, g.Description, Names.Parse<RefusalCondition>(g.When), Names.Parse<Reviewer>(g.By), g.Source,
                    g.RequiresReservation, g.Unsure, g.WhereStateRequiresDualCriminality, Exceptions(g.Exceptions, offenceLists, null))).ToList(),
                timing!, f.DisclosesPath, f.WaitsInBacklog, emergencyDefinition) { ResponseDeadlines = deadlines.Count > 0 ? deadlines : null, BacklogSource = f.BacklogSource, EmergencyReviewSource = f.EmergencyReviewSource,
                    Urgent = f.Urgent is { } u ? new UrgentHandling(Names.Parse<UrgencyCondition>(u.When), u.Source, u.MeansSource, u.WaitsInBacklog, u.SpeedFactor, u.Unsure) : null,
                    ConflictingObligations = conflict, Validation = validation,
                    ScopeReview = f.ScopeReview is { } sr ? new ScopeReview(Names.Parse<ScopeRemedy>(sr.Remedy), sr.Source, sr.Unsure) : null,
                    UseLimits = useLimits, Enforcement = enforcement,
                    Costs = f.Costs is { } cf ? new CostReimbursement(cf.Source, cf.Unsure) : null,
                    InformsPerson = f.InformsPerson is { } ip ? new PersonInformation(ip.Source, ip.DelaySource, ip.RemediesSource, ip.Unsure) : null,
                    Template = f.Template is { } t ? new RequestTemplate(t.Form, Field(t.Offence), Field(t.Facts), Field(t.Necessity), t.Urgency is { } urgencyField ? Field(urgencyField) : RequestTemplate.Default.Urgency) : null });
        }
        for (var t = 0; t < dto.Trial.Count; t++)
            if (dto.Trial.FindIndex(r => r.When == dto.Trial[t].When) < t)
                problems.Add(map.At($"/trial/{t}/when", $"the trial has two rules for {dto.Trial[t].When}", "give each condition one rule: the court's verdict for it"));
        if (!DurationRange.TryParse(dto.Figures.ConsentAnswer, out var consentAnswer) || consentAnswer.Min > consentAnswer.Mode || consentAnswer.Mode > consentAnswer.Max)
            problems.Add(map.At("/figures/consent-answer", $"'{dto.Figures.ConsentAnswer}' is not a duration range min..max~mode with min <= mode <= max", "write it like 3d..6w~2w"));
        if (problems.Count > 0) throw new FileProblemsException(problems);

        var fig = dto.Figures;
        var figures = new EngineFigures(
            fig.CapabilityFactors["high"], fig.CapabilityFactors["medium"], fig.CapabilityFactors["low"],
            fig.EscalationFactor, fig.DeadlineWarningShare,
            DurationText.Parse(fig.RetentionWarning), DurationText.Parse(fig.PreservationExpiryWarning),
            fig.ClarificationChance["high"], fig.ClarificationChance["medium"], fig.ClarificationChance["low"], fig.Source,
            fig.EmergencySpeedFactor, fig.ClarificationAnswerShare, fig.BindingDeadlineShare, fig.PolicyReactionDepth, DurationText.Parse(fig.RedactionPerRecord),
            consentAnswer);
        var trial = dto.Trial.Select(t => new TrialRule(Names.Parse<TrialCondition>(t.When), Names.Parse<Verdict>(t.Verdict), t.Source, t.Unsure)).ToList();
        var sunset = dto.Sunset is { } sf ? new EmergencySunset(sf.Source, sf.Unsure) : null;
        return new InstrumentCatalogue(dto.AsOf, frameworks, instruments, figures, offenceLists, emergencies, trial, sunset);
    }

    /// <summary>An instrument's limits on other uses: one per use; the grounds consent may be withheld on, another instrument's where named.</summary>
    private static IReadOnlyList<UseLimit> UseLimits(InstrumentFile f, string at, SourceMap map, List<Diagnostic> problems, HashSet<string> instrumentIds)
    {
        var limits = new List<UseLimit>();
        for (var u = 0; u < (f.UseLimits?.Count ?? 0); u++)
        {
            var l = f.UseLimits![u];
            var use = Names.Parse<UseKind>(l.Use);
            if (limits.Any(x => x.Use == use))
                problems.Add(map.At($"{at}/use-limits/{u}/use", $"{f.Id} limits {l.Use} twice", "give each use one limit"));
            if (l.ConsentGroundsOf is { } other && !instrumentIds.Contains(other))
                problems.Add(map.At($"{at}/use-limits/{u}/consent-grounds-of", $"unknown instrument '{other}'"));
            if (l.ConsentGroundsOf is not null && !l.NeedsConsent)
                problems.Add(map.At($"{at}/use-limits/{u}/consent-grounds-of", $"{f.Id} needs no consent for {l.Use}: there is no consent to withhold", "remove consent-grounds-of, or set needs-consent: true"));
            if (l.ConditionSource is not null && l.NeedsConsent)
                problems.Add(map.At($"{at}/use-limits/{u}/condition-source", $"{f.Id} already needs consent for {l.Use}: a condition would add nothing", "remove condition-source, or set needs-consent: false"));
            else if (l.ConditionSource is not null && f.Channel is not ("central-authorities" or "contact-points" or "joint-team"))
                problems.Add(map.At($"{at}/use-limits/{u}/condition-source", $"{f.Id} goes to {f.Channel}, where no requested state approves it: nobody could attach the condition",
                    "give condition-source only to an instrument a requested state reviews (central-authorities, contact-points, joint-team)"));
            limits.Add(new UseLimit(use, l.NeedsConsent, l.Source, l.Unsure, l.ConsentGroundsOf, l.ConditionSource));
        }
        return limits;
    }

    /// <summary>The instrument's REG Art. 17 procedure: only for an order sent to a provider (the addressee objects), with a valid court-review range.</summary>
    private static ConflictingObligations? ConflictRule(InstrumentFile f, string at, SourceMap map, List<Diagnostic> problems)
    {
        if (f.ConflictingObligations is not { } c) return null;
        if (f.Channel != "direct-to-provider")
            problems.Add(map.At($"{at}/conflicting-obligations", $"{f.Id} is not sent to a provider, so no addressee can object to it", "conflicting-obligations is for orders sent straight to a provider (channel: direct-to-provider)"));
        if (!DurationRange.TryParse(c.CourtReview, out var review))
        {
            problems.Add(map.At($"{at}/conflicting-obligations/court-review", $"'{c.CourtReview}' is not a valid range", "min..max or min..max~mode, with min <= mode <= max"));
            return null;
        }
        return new ConflictingObligations(Legal(c.ObjectionWindow)!, review, c.CourtReviewSource, Names.Parse<ConflictLifted>(c.LiftedWhere), c.LiftSource, c.Source, c.Unsure);
    }

    /// <summary>The instrument's REG Art. 16 procedure: only for a binding order with a deadline to miss, with valid ranges and a penalty ceiling that is a share of turnover.</summary>
    private static Enforcement? EnforcementRule(InstrumentFile f, string at, SourceMap map, List<Diagnostic> problems)
    {
        if (f.Enforcement is not { } e) return null;
        var before = problems.Count;
        if (!f.Binding || f.ResponseDeadline is null)
            problems.Add(map.At($"{at}/enforcement", $"{f.Id} {(f.Binding ? "sets no response deadline" : "is not binding")}, so no addressee can be in default of it", "enforcement is for binding orders with a response-deadline"));
        if (!DurationRange.TryParse(e.RecognitionTime, out var recognition) || recognition.Min > recognition.Mode || recognition.Mode > recognition.Max)
            problems.Add(map.At($"{at}/enforcement/recognition-time", $"'{e.RecognitionTime}' is not a duration range min..max~mode with min <= mode <= max", "write it like 1d..5d~2d"));
        if (!DurationRange.TryParse(e.Compliance, out var compliance) || compliance.Min > compliance.Mode || compliance.Mode > compliance.Max)
            problems.Add(map.At($"{at}/enforcement/compliance", $"'{e.Compliance}' is not a duration range min..max~mode with min <= mode <= max", "write it like 1d..5d~2d"));
        if (e.PenaltyCeiling is <= 0 or > 1)
            problems.Add(map.At($"{at}/enforcement/penalty-ceiling", $"{f.Id}'s penalty ceiling {e.PenaltyCeiling} is not a share of turnover", "give a number above 0 and at most 1 (0.02 for 2%)"));
        for (var g = 0; g < e.Grounds.Count; g++)
            if (!f.RefusalGrounds.Any(r => r.Id == e.Grounds[g] && r.By == "enforcing-state"))
                problems.Add(map.At($"{at}/enforcement/grounds/{g}", $"'{e.Grounds[g]}' is not one of {f.Id}'s grounds for the enforcing state",
                    f.RefusalGrounds.Any(r => r.By == "enforcing-state") ? $"its enforcing-state grounds: {string.Join(", ", f.RefusalGrounds.Where(r => r.By == "enforcing-state").Select(r => r.Id))}" : "add the ground under refusal-grounds with by: enforcing-state"));
        if (problems.Count > before) return null;
        return new Enforcement(Legal(e.Recognition)!, recognition, compliance, e.TimesSource, e.PenaltyCeiling, e.PenaltySource, e.RemedySource, e.Source,
            e.Grounds, e.GroundsSource, e.Unsure);
    }

    /// <summary>
    /// The instrument's issuing with validation (REG Art. 4): each rule for categories the instrument covers, naming
    /// issuers who may not issue those categories on their own (else the rule would say nothing) and validators who may;
    /// the emergency exception only for categories some rule covers, for an instrument with an emergency procedure.
    /// </summary>
    private static IssuingWithValidation? ValidationRules(InstrumentFile f, IReadOnlyList<DataCategory> categories,
        IReadOnlyDictionary<DataCategory, IReadOnlyList<AuthorityRole>> issuers, string at, SourceMap map, List<Diagnostic> problems)
    {
        if (f.Validation is not { } v) return null;
        var rules = new List<ValidationRule>();
        for (var n = 0; n < v.Rules.Count; n++)
        {
            var file = v.Rules[n];
            var where = $"{at}/validation/rules/{n}";
            var ruleCategories = file.Categories.Select(Names.Parse<DataCategory>).ToList();
            var ruleIssuers = file.Issuers.Select(Names.Parse<AuthorityRole>).ToList();
            var validators = file.Validators.Select(Names.Parse<AuthorityRole>).ToList();
            foreach (var c in ruleCategories.Where(c => !categories.Contains(c)))
                problems.Add(map.At($"{where}/categories", $"{f.Id} does not cover {Names.Kebab(c)} data, so no one can issue it for that with validation", $"it covers {string.Join(", ", categories.Select(Names.Kebab))}"));
            foreach (var c in ruleCategories.Where(categories.Contains))
            {
                foreach (var r in ruleIssuers.Where(r => issuers.TryGetValue(c, out var own) && own.Contains(r)))
                    problems.Add(map.At($"{where}/issuers", $"{Names.Kebab(r)} may already issue {f.Id} for {Names.Kebab(c)} data without validation", "list under validation only those who need it"));
                foreach (var r in validators.Where(r => !issuers.TryGetValue(c, out var own) || !own.Contains(r)))
                    problems.Add(map.At($"{where}/validators", $"{Names.Kebab(r)} validates {f.Id} for {Names.Kebab(c)} data but may not issue it", "a validating authority is one that could issue the order itself (REG Art. 4(1)(b), 4(2)(b))"));
            }
            rules.Add(new ValidationRule(ruleCategories, ruleIssuers, validators, file.Source));
        }
        if (!DurationRange.TryParse(v.Review, out var review))
        {
            problems.Add(map.At($"{at}/validation/review", $"'{v.Review}' is not a valid range", "min..max or min..max~mode, with min <= mode <= max"));
            return null;
        }
        ValidationAfterwards? afterwards = null;
        if (v.WithoutPriorValidation is { } w)
        {
            var covered = w.Categories.Select(Names.Parse<DataCategory>).ToList();
            foreach (var c in covered.Where(c => rules.All(r => !r.Categories.Contains(c))))
                problems.Add(map.At($"{at}/validation/without-prior-validation/categories", $"no validation rule of {f.Id} covers {Names.Kebab(c)} data, so there is nothing to validate afterwards"));
            if (f.Emergency is not ("supported" or "only"))
                problems.Add(map.At($"{at}/validation/without-prior-validation", $"{f.Id} has no emergency procedure, so it is never sent without prior validation", "add emergency: supported, or remove without-prior-validation"));
            afterwards = new ValidationAfterwards(covered, Legal(w.Within)!, w.Source, w.Unsure);
        }
        return new IssuingWithValidation(rules, review, v.ReviewSource, afterwards);
    }

    private static LegalDuration? Legal(LegalDurationFile? f) => f is null ? null
        : new LegalDuration(DurationText.Parse(f.Value), f.Source, f.Unsure, Names.Parse<CountedFrom>(f.From), Counting(f.Counting),
            InHours: f.Value.TrimEnd().EndsWith('h') || f.Value.TrimEnd().EndsWith("min", StringComparison.Ordinal));

    private static PeriodCounting Counting(string text) => text switch
    {
        "eu-1182-71" => PeriodCounting.EuPeriods,
        "requested-state-law" => PeriodCounting.RequestedStateLaw,
        "eu-1182-71-working-days" => PeriodCounting.EuWorkingDays,
        _ => PeriodCounting.Exact, // the schema admits only these
    };

    private static TemplateField Field(TemplateFieldFile f) => new(f.Label.Trim(), f.Asks.Trim(), f.Source.Trim());

    private static void CheckExceptions(List<ExceptionFile>? exceptions, string at, IReadOnlyList<OffenceList> lists, SourceMap map, List<Diagnostic> problems)
    {
        for (var e = 0; e < (exceptions?.Count ?? 0); e++)
        {
            var x = exceptions![e];
            if (x.Offences is not null && x.Conducts is not null)
                problems.Add(map.At($"{at}/{e}", "an exception names either an offence list (offences) or conducts, not both"));
            else if (x.Offences is null && x.Conducts is null && x.Categories is not { Count: > 0 })
                problems.Add(map.At($"{at}/{e}", "an exception names the offences it is for (offences or conducts), or the measure (categories), or both"));
            else if (x.Offences is not null && lists.All(l => l.Id != x.Offences))
                problems.Add(map.At($"{at}/{e}/offences", $"unknown offence list '{x.Offences}'", lists.Count == 0 ? "add it under offence-lists" : $"offence lists: {string.Join(", ", lists.Select(l => l.Id))}"));
        }
    }

    private static IReadOnlyList<ExceptionToRule>? Exceptions(List<ExceptionFile>? files, IReadOnlyList<OffenceList> lists, ExceptionToRule? older)
    {
        var result = (files ?? []).Select(x =>
        {
            var list = x.Offences is null ? null : lists.First(l => l.Id == x.Offences);
            return new ExceptionToRule(list?.Conducts ?? x.Conducts ?? [], x.Source, list?.Id, list is null ? null : list.Name + (list.Unsure ? " [UNSURE]" : ""), x.MinimumYears, x.ByInformationSystem,
                x.Categories?.Select(Names.Parse<DataCategory>).ToList());
        }).ToList();
        if (older is not null) result.Insert(0, older);
        return result.Count == 0 ? null : result;
    }


    private static InstrumentTiming? Timing(TimingFile t, string at, SourceMap map, List<Diagnostic> problems)
    {
        DurationRange Range(string text, string field)
        {
            if (DurationRange.TryParse(text, out var r)) return r;
            problems.Add(map.At($"{at}/{field}", $"'{text}' is not a valid range", "min..max or min..max~mode, with min <= mode <= max"));
            return default;
        }
        var timing = new InstrumentTiming(Range(t.Drafting, "drafting"), Range(t.Transmission, "transmission"), Range(t.Review, "review"),
            Range(t.Return, "return"), t.Setup is null ? null : Range(t.Setup, "setup"), t.Source, t.Unsure);
        return timing;
    }
}
