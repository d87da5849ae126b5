namespace Simulator.Scenarios.Catalogue;

// The instrument catalogue file as written (scenarios/catalogue/instruments.yaml), before it becomes the core's
// InstrumentCatalogue. Field meanings: scenarios/schema/instruments.schema.json and docs/instruments.md.

internal sealed class CatalogueFile
{
    public string AsOf { get; set; } = "";
    public FiguresFile Figures { get; set; } = new();
    public List<FrameworkFile> Frameworks { get; set; } = [];
    public List<OffenceListFile> OffenceLists { get; set; } = [];
    public List<EmergencyDefinitionFile> Emergencies { get; set; } = [];
    public List<TrialRuleFile> Trial { get; set; } = [];
    public SunsetFile? Sunset { get; set; }
    public List<InstrumentFile> Instruments { get; set; } = [];
}

/// <summary>What becomes of emergency powers when their threat ends, with its source.</summary>
internal sealed class SunsetFile
{
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>A rule of the trial at the end: when it holds for a secured item, the verdict, with its source.</summary>
internal sealed class TrialRuleFile
{
    public string When { get; set; } = "";
    public string Verdict { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

internal sealed class OffenceListFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Conducts { get; set; } = [];
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

internal sealed class EmergencyDefinitionFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Threats { get; set; } = [];
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>An exception to a rule: an offence list by id, or conducts written out, with the law's thresholds.</summary>
internal sealed class ExceptionFile
{
    public string? Offences { get; set; }
    public List<string>? Conducts { get; set; }
    public int? MinimumYears { get; set; }
    public bool ByInformationSystem { get; set; }
    public List<string>? Categories { get; set; }
    public string Source { get; set; } = "";
}

internal sealed class FiguresFile
{
    public Dictionary<string, double> CapabilityFactors { get; set; } = [];
    public double EscalationFactor { get; set; }
    public double DeadlineWarningShare { get; set; }
    public string RetentionWarning { get; set; } = "";
    public string PreservationExpiryWarning { get; set; } = "";
    public Dictionary<string, double> ClarificationChance { get; set; } = [];
    public string Source { get; set; } = "";
    // Catalogues written before these became figures (and the texts exercises pinned then) leave them out: the
    // defaults are the values the engine used then, so their journals stay the same.
    public double EmergencySpeedFactor { get; set; } = 0.25;
    public double ClarificationAnswerShare { get; set; } = 0.5;
    public double BindingDeadlineShare { get; set; } = 0.9;
    public int PolicyReactionDepth { get; set; } = 8;
    public string RedactionPerRecord { get; set; } = "2min";
    public string ConsentAnswer { get; set; } = "3d..6w~2w";
}

internal sealed class FrameworkFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Note { get; set; }
    public bool InForce { get; set; } = true;
    public string? InForceSource { get; set; }
}

internal sealed class LegalDurationFile
{
    public string Value { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
    public string From { get; set; } = "sending";
    public string Counting { get; set; } = "exact";
}

internal sealed class PreconditionFile
{
    public string Kind { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Framework { get; set; }
    public List<string>? Frameworks { get; set; }
    public string? Agreement { get; set; }
    /// <summary>Whose agreement with the issuing state counts: "provider-state" (the default) or "requested-state".</summary>
    public string Between { get; set; } = "provider-state";
    public int? Years { get; set; }
    public List<string>? Categories { get; set; }
    /// <summary>Written before exceptions were data; read as one exception with the precondition's source.</summary>
    public List<string>? UnlessConducts { get; set; }
    public List<ExceptionFile>? Exceptions { get; set; }
    public string? Capability { get; set; }
    public string? Instrument { get; set; }
    public string? Reservation { get; set; }
    public List<string>? OfferingServices { get; set; }
}

internal sealed class RefusalGroundFile
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
    public string When { get; set; } = "";
    public string By { get; set; } = "";
    public string Source { get; set; } = "";
    public string? RequiresReservation { get; set; }
    public bool WhereStateRequiresDualCriminality { get; set; }
    public List<ExceptionFile>? Exceptions { get; set; }
    public bool Unsure { get; set; }
}

internal sealed class PreservationFile
{
    public LegalDurationFile Period { get; set; } = new();
    public LegalDurationFile? Extension { get; set; }
    public int MaxExtensions { get; set; }
    public bool ContinuesPendingProduction { get; set; }
    public string ContinuationSource { get; set; } = "";
}

internal sealed class NotificationFile
{
    public List<string> Categories { get; set; } = [];
    public LegalDurationFile ObjectionWindow { get; set; } = new();
    public LegalDurationFile EmergencyObjectionWindow { get; set; } = new();
    public string Source { get; set; } = "";
    public bool EmergencyTransferAtOnce { get; set; }
    public string? EmergencyTransferSource { get; set; }
    public string? DomesticCaseSource { get; set; }
    public string? NoGroundSource { get; set; }
}

internal sealed class TimingFile
{
    public string Drafting { get; set; } = "";
    public string Transmission { get; set; } = "";
    public string Review { get; set; } = "";
    public string Return { get; set; } = "";
    public string? Setup { get; set; }
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

internal sealed class InstrumentFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Channel { get; set; } = "";
    public List<string> Categories { get; set; } = [];
    public Dictionary<string, List<string>> Issuers { get; set; } = [];
    public bool Binding { get; set; }
    public string Emergency { get; set; } = "none";
    public LegalDurationFile? ResponseDeadline { get; set; }
    /// <summary>Per data category, where the law sets deadlines apart; the others keep response-deadline.</summary>
    public Dictionary<string, LegalDurationFile>? ResponseDeadlines { get; set; }
    public LegalDurationFile? EmergencyDeadline { get; set; }
    public PreservationFile? Preservation { get; set; }
    public NotificationFile? Notification { get; set; }
    public List<PreconditionFile> Preconditions { get; set; } = [];
    public List<RefusalGroundFile> RefusalGrounds { get; set; } = [];
    public TimingFile Timing { get; set; } = new();
    public bool DisclosesPath { get; set; }
    public bool WaitsInBacklog { get; set; } = true;
    public string? BacklogSource { get; set; }
    public string? EmergencyReviewSource { get; set; }
    public string? EmergencyDefinition { get; set; }
    public UrgentFile? Urgent { get; set; }
    public ConflictingObligationsFile? ConflictingObligations { get; set; }
    public ValidationFile? Validation { get; set; }
    public ScopeReviewFile? ScopeReview { get; set; }
    public List<UseLimitFile>? UseLimits { get; set; }
    public EnforcementFile? Enforcement { get; set; }
    public CostsFile? Costs { get; set; }
    public InformsPersonFile? InformsPerson { get; set; }
    public TemplateFile? Template { get; set; }
}

/// <summary>The form an instrument's requests are written on, field by field (Directive 2014/41/EU Annex A).</summary>
internal sealed class TemplateFile
{
    public string Form { get; set; } = "";
    public TemplateFieldFile Offence { get; set; } = new();
    public TemplateFieldFile Facts { get; set; } = new();
    public TemplateFieldFile Necessity { get; set; } = new();
    public TemplateFieldFile? Urgency { get; set; }
}

internal sealed class TemplateFieldFile
{
    public string Label { get; set; } = "";
    public string Asks { get; set; } = "";
    public string Source { get; set; } = "";
}

/// <summary>The duty to tell the person whose data an order obtained (REG Art. 13).</summary>
internal sealed class InformsPersonFile
{
    public string Source { get; set; } = "";
    public string DelaySource { get; set; } = "";
    public string RemediesSource { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>Enforcing an order the addressee did not comply with (REG Arts. 15-16).</summary>
internal sealed class EnforcementFile
{
    public LegalDurationFile Recognition { get; set; } = new();
    public string RecognitionTime { get; set; } = "";
    public string Compliance { get; set; } = "";
    public string TimesSource { get; set; } = "";
    public double PenaltyCeiling { get; set; }
    public string PenaltySource { get; set; } = "";
    public string RemedySource { get; set; } = "";
    public string Source { get; set; } = "";
    public List<string> Grounds { get; set; } = [];
    public string GroundsSource { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>Who bears the provider's cost of answering (REG Art. 14).</summary>
internal sealed class CostsFile
{
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>Purpose limitation and speciality: a use beyond the stated purpose and whether it needs the giving state's consent.</summary>
internal sealed class UseLimitFile
{
    public string Use { get; set; } = "";
    public bool NeedsConsent { get; set; }
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
    public string? ConsentGroundsOf { get; set; }
    public string? ConditionSource { get; set; }
}

/// <summary>The requested state's review of a request's scope (Budapest Arts. 15(2), 25(4); Directive 2014/41/EU Art. 10(3)).</summary>
internal sealed class ScopeReviewFile
{
    public string Remedy { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>Issuing with validation (REG Art. 4(1)(b), 4(2)(b), 4(3)(b)) and the emergency exception (Art. 4(5)).</summary>
internal sealed class ValidationFile
{
    public List<ValidationRuleFile> Rules { get; set; } = [];
    public string Review { get; set; } = "";
    public string ReviewSource { get; set; } = "";
    public ValidationAfterwardsFile? WithoutPriorValidation { get; set; }
}

internal sealed class ValidationRuleFile
{
    public List<string> Categories { get; set; } = [];
    public List<string> Issuers { get; set; } = [];
    public List<string> Validators { get; set; } = [];
    public string Source { get; set; } = "";
}

internal sealed class ValidationAfterwardsFile
{
    public List<string> Categories { get; set; } = [];
    public LegalDurationFile Within { get; set; } = new();
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

/// <summary>What the addressee may do when complying would break a third country's law (REG Art. 17).</summary>
internal sealed class ConflictingObligationsFile
{
    public LegalDurationFile ObjectionWindow { get; set; } = new();
    public string CourtReview { get; set; } = "";
    public string CourtReviewSource { get; set; } = "";
    public string LiftedWhere { get; set; } = "";
    public string LiftSource { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Unsure { get; set; }
}

internal sealed class UrgentFile
{
    public string When { get; set; } = "";
    public string Source { get; set; } = "";
    public string MeansSource { get; set; } = "";
    public bool WaitsInBacklog { get; set; } = true;
    public double SpeedFactor { get; set; } = 1;
    public bool Unsure { get; set; }
}
