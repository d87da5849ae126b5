using Simulator.Core.Objectives;

namespace Simulator.Core.World;

/// <summary>
/// Everything one run starts from: the states, providers, incidents, leads, evidence with its generated content,
/// the MSEL and the objectives. Built from a scenario file and a seed; never changed by a run.
/// </summary>
public sealed class ScenarioWorld
{
    public required string ScenarioId { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required IReadOnlyList<Jurisdiction> Jurisdictions { get; init; }
    public required IReadOnlyList<ServiceProvider> Providers { get; init; }
    public required IReadOnlyList<Incident> Incidents { get; init; }
    public required IReadOnlyList<Lead> Leads { get; init; }
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }
    public required IReadOnlyList<Inject> Injects { get; init; }
    public required IReadOnlyList<Objective> Objectives { get; init; }
    /// <summary>The Exercise Evaluation Guides the evaluator rates against (none in scenarios written before them).</summary>
    public IReadOnlyList<Evaluation.EvaluationGuide> EvaluationGuides { get; init; } = [];

    /// <summary>Uses of evidence beyond its purpose that the facts bring up during the exercise (purpose limitation, docs/safeguards.md).</summary>
    public IReadOnlyList<WantedUse> Uses { get; init; } = [];
    /// <summary>Frameworks not yet in force that this scenario plays as if they were (trainers rehearse them before they apply).</summary>
    public IReadOnlySet<string> AsIfInForce { get; init; } = new HashSet<string>();

    private Dictionary<string, Jurisdiction>? _jurisdictions;
    private Dictionary<string, ServiceProvider>? _providers;
    private Dictionary<string, Lead>? _leads;
    private Dictionary<string, Incident>? _incidents;
    private Dictionary<string, EvidenceItem>? _evidence;

    public Jurisdiction Jurisdiction(string id) => (_jurisdictions ??= Jurisdictions.ToDictionary(j => j.Id))[id];
    public ServiceProvider Provider(string id) => (_providers ??= Providers.ToDictionary(p => p.Id))[id];
    public Lead Lead(string id) => (_leads ??= Leads.ToDictionary(l => l.Id))[id];
    public Incident Incident(string id) => (_incidents ??= Incidents.ToDictionary(i => i.Id))[id];
    public EvidenceItem Item(string id) => (_evidence ??= Evidence.ToDictionary(e => e.Id))[id];
    public bool HasItem(string id) => (_evidence ??= Evidence.ToDictionary(e => e.Id)).ContainsKey(id);
    public bool HasJurisdiction(string id) => (_jurisdictions ??= Jurisdictions.ToDictionary(j => j.Id)).ContainsKey(id);
    public bool HasProvider(string id) => (_providers ??= Providers.ToDictionary(p => p.Id)).ContainsKey(id);

    public IEnumerable<EvidenceItem> EvidenceOf(string leadId) => Evidence.Where(e => e.Lead == leadId);
    public Incident IncidentOf(EvidenceItem item) => Incident(Lead(item.Lead).Incident);
}
