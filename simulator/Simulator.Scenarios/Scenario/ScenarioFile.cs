namespace Simulator.Scenarios.Scenario;

// A scenario file as written, before it becomes a ScenarioWorld. Field meanings: docs/scenarios.md and
// scenarios/schema/scenario.schema.json; defaults here match the schema's.

public sealed class ScenarioFile
{
    public string Scenario { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Start { get; set; } = "";
    public string Duration { get; set; } = "";
    public BriefingFile? Briefing { get; set; }
    public List<JurisdictionFile> Jurisdictions { get; set; } = [];
    public List<ProviderFile> Providers { get; set; } = [];
    public List<IncidentFile> Incidents { get; set; } = [];
    public SyntheticFile Synthetic { get; set; } = new();
    public List<LeadFile> Leads { get; set; } = [];
    public List<InjectFile> Injects { get; set; } = [];
    public List<ObjectiveFile> Objectives { get; set; } = [];
    public List<UseFile> Uses { get; set; } = [];
    public List<EvaluationGuideFile> EvaluationGuides { get; set; } = [];
    public List<OverrideFile> InstrumentOverrides { get; set; } = [];
    /// <summary>Frameworks not yet in force that the scenario plays as if they were (a rehearsal before they apply).</summary>
    public List<string> AsIfInForce { get; set; } = [];
}

/// <summary>An Exercise Evaluation Guide (HSEEP): a capability, its target and its critical tasks.</summary>
public sealed class EvaluationGuideFile
{
    public string Capability { get; set; } = "";
    public string Target { get; set; } = "";
    public List<CriticalTaskFile> Tasks { get; set; } = [];
}

public sealed class CriticalTaskFile
{
    public string Id { get; set; } = "";
    public string Task { get; set; } = "";
    public List<string> LookFor { get; set; } = [];
    public string? Objective { get; set; }
}

public sealed class BriefingFile
{
    public string? Trainees { get; set; }
    public string? Trainer { get; set; }
}

public sealed class CalendarFile
{
    public List<string> WorkingDays { get; set; } = ["mon", "tue", "wed", "thu", "fri"];
    public string Hours { get; set; } = "08:00-18:00";
    public List<string> Holidays { get; set; } = [];
    public bool CountsWorkingDays { get; set; }
}

public sealed class AgreementFile
{
    public string With { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Source { get; set; } = "";
}

public sealed class DisclosureBarFile
{
    public List<string> Categories { get; set; } = [];
    public string Source { get; set; } = "";
    public string? LiftedByAgreement { get; set; }
    public string? LiftSource { get; set; }
}

/// <summary>A measure the state's law allows only for listed or graver offences (Directive 2014/41/EU Art. 11(1)(h)).</summary>
public sealed class MeasureRestrictionFile
{
    public List<string> Categories { get; set; } = [];
    public int? MinimumYears { get; set; }
    public List<string>? Conducts { get; set; }
    public string Law { get; set; } = "";
}

public sealed class ContactPointFile
{
    public string Staffing { get; set; } = "around-the-clock";
    public int Officers { get; set; } = 2;
}

public sealed class CentralAuthorityFile
{
    public int Officers { get; set; } = 2;
    public string QueueWait { get; set; } = "2w..3mo~1mo";
}

public sealed class JurisdictionFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Fictional { get; set; } = true;
    public string UtcOffset { get; set; } = "+00:00";
    public CalendarFile Calendar { get; set; } = new();
    public List<string> Frameworks { get; set; } = [];
    public List<AgreementFile> Agreements { get; set; } = [];
    public List<string> Reservations { get; set; } = [];
    public List<string> Criminalises { get; set; } = [];
    /// <summary>Null: every category (the state requires dual criminality for all assistance).</summary>
    public List<string>? DualCriminalityFor { get; set; }
    public List<DisclosureBarFile> DisclosureBars { get; set; } = [];
    /// <summary>This state's verdict at trial per condition, where its law differs from the catalogue's trial rules.</summary>
    public Dictionary<string, string>? Admissibility { get; set; }
    public string? RefusesOverBroad { get; set; }
    public string? ReimbursesProviders { get; set; }
    /// <summary>The uses this state, played by the engine, makes need its consent wherever the instrument lets it (other-investigation, onward-transfer).</summary>
    public List<string> AttachesConditions { get; set; } = [];
    public List<MeasureRestrictionFile> RestrictsMeasures { get; set; } = [];
    public List<string> PoliticalOffences { get; set; } = [];
    public List<string> SensitiveTowards { get; set; } = [];
    public string Capability { get; set; } = "medium";
    public ContactPointFile ContactPoint { get; set; } = new();
    public CentralAuthorityFile CentralAuthority { get; set; } = new();
    public bool ReachesDataAbroad { get; set; }
    public List<string> Seats { get; set; } = [];
}

public sealed class ProviderPolicyFile
{
    public bool VoluntaryPreservation { get; set; }
    public List<string> VoluntaryDisclosure { get; set; } = [];
    public double EmergencyDisclosureRate { get; set; }
    public double ForeignOrderComplianceRate { get; set; } = 0.5;
    public double BindingOrderComplianceRate { get; set; } = 0.95;
}

public sealed class ProviderFile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Kind { get; set; }
    public string Headquarters { get; set; } = "";
    public decimal? AnnualTurnover { get; set; }
    public List<string> StorageIn { get; set; } = [];
    public List<string> OffersServicesIn { get; set; } = [];
    public string? LegalRepresentativeIn { get; set; }
    public Dictionary<string, string> Retention { get; set; } = [];
    public string ResponseTime { get; set; } = "2d..20d~7d";
    public string PreservationTime { get; set; } = "2h..2d";
    public string EmergencyResponseTime { get; set; } = "1h..12h~3h";
    public int Capacity { get; set; } = 2;
    public double ProduceRate { get; set; } = 0.9;
    public decimal CostPerRequest { get; set; }
    public ProviderPolicyFile Policy { get; set; } = new();
}

public sealed class OffenceFile
{
    public List<string> Conducts { get; set; } = [];
    public int MaxPenaltyYears { get; set; }
    public bool ThreatToLife { get; set; }
    public bool FundamentalRightsConcern { get; set; }
    public bool PrivilegedData { get; set; }
    public List<string> AlreadyTriedIn { get; set; } = [];
    public bool ByInformationSystem { get; set; } = true;
    public List<string>? Threats { get; set; }
    public List<string> PersonConnectedTo { get; set; } = [];
    public ThreatEndFile? ThreatEnds { get; set; }
    public List<string> CommittedIn { get; set; } = [];
    public string? PersonResidesIn { get; set; }
}

/// <summary>A use of evidence beyond its purpose, wanted at a time (docs/scenarios.md, uses): in another incident, or by another state.</summary>
public sealed class UseFile
{
    public string Id { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string? In { get; set; }
    public string? To { get; set; }
    public string At { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>When the incident's threat ends or is found unfounded, after the exercise start (docs/safeguards.md).</summary>
public sealed class ThreatEndFile
{
    public string At { get; set; } = "";
    public string Found { get; set; } = "";
    public string Note { get; set; } = "";
}

public sealed class IncidentFile
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Investigating { get; set; } = "";
    public string Starts { get; set; } = "0h";
    public string Discovered { get; set; } = "0h";
    public OffenceFile Offence { get; set; } = new();
}

public sealed class SyntheticFile
{
    public int Suspects { get; set; } = 3;
    public string Locale { get; set; } = "en";
}

public sealed class DataFile
{
    public string Kind { get; set; } = "ip-log";
    public int Records { get; set; } = 20;
    public int ThirdParty { get; set; }
}

public sealed class EvidenceFile
{
    public string Id { get; set; } = "";
    public string Holder { get; set; } = "";
    public string Category { get; set; } = "";
    public string? StoredIn { get; set; }
    public string? Description { get; set; }
    public string Created { get; set; } = "0h";
    public string? Retention { get; set; }
    public bool Public { get; set; }
    public bool Consent { get; set; }
    public List<string> Reveals { get; set; } = [];
    public DataFile? Data { get; set; }
}

/// <summary>A period relative to the incident's start ("-5d" to "6h").</summary>
public sealed class PeriodFile
{
    public string From { get; set; } = "0h";
    public string To { get; set; } = "0h";
}

public sealed class LeadFile
{
    public string Id { get; set; } = "";
    public string Incident { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? KnownAt { get; set; }
    public List<string>? Identifiers { get; set; }
    public PeriodFile? Period { get; set; }
    public List<EvidenceFile> Evidence { get; set; } = [];
}

public sealed class ConditionFile
{
    public string Kind { get; set; } = "";
    public string? Provider { get; set; }
    public string? Evidence { get; set; }
}

public sealed class InjectFile
{
    public string Id { get; set; } = "";
    public string At { get; set; } = "0h";
    public List<string> To { get; set; } = [];
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public string? ExpectedAction { get; set; }
    /// <summary>The instruments (catalogue ids) the expected action uses: setup checks that someone able to issue one is played.</summary>
    public List<string> Expects { get; set; } = [];
    public List<string> Reveals { get; set; } = [];
    public string? Purge { get; set; }
    public List<string> PurgeEvidence { get; set; } = [];
    public ConditionFile? Condition { get; set; }
}

public sealed class MeasureFile
{
    public string Kind { get; set; } = "";
    public string? Evidence { get; set; }
    public string? Instrument { get; set; }
    public string? Incident { get; set; }
    public string? By { get; set; }
    public string? Inject { get; set; }
}

public sealed class ObjectiveFile
{
    public string Id { get; set; } = "";
    public string Capability { get; set; } = "";
    public string Task { get; set; } = "";
    public MeasureFile Measure { get; set; } = new();
}

public sealed class OverrideFile
{
    public string Instrument { get; set; } = "";
    public string? ResponseDeadline { get; set; }
    public string? EmergencyDeadline { get; set; }
    public string? PreservationPeriod { get; set; }
    public string? PreservationExtension { get; set; }
    public string? Review { get; set; }
}
