using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.World;

namespace Simulator.Reports.AfterAction;

/// <summary>What every part of the after-action report reads: the run, its journal indexed, its outcome.</summary>
internal sealed class ReportContext
{
    public ReportContext(Simulation simulation)
    {
        Simulation = simulation;
        Index = new JournalIndex(simulation.Journal.Entries);
        Outcome = simulation.Outcome();
        Injects = simulation.Injects.ToDictionary(i => i.Id, StringComparer.Ordinal);
        InvestigatingStates = World.Incidents.Select(i => i.Investigating).ToHashSet(StringComparer.Ordinal);
    }

    public Simulation Simulation { get; }
    public ScenarioWorld World => Simulation.World;
    public InstrumentCatalogue Catalogue => Simulation.Catalogue;
    public JournalIndex Index { get; }
    public SimulationOutcome Outcome { get; }
    public IReadOnlyDictionary<string, Inject> Injects { get; }
    public IReadOnlySet<string> InvestigatingStates { get; }

    public Instrument? Instrument(string id) => Catalogue.TryGet(id, out var i) ? i : null;

    public bool IsPreservation(string instrument) => Instrument(instrument)?.Purpose == InstrumentPurpose.Preservation;

    public string Holder(string providerId) => World.HasProvider(providerId) ? World.Provider(providerId).Name : providerId;

    public string Investigating(string evidence) => World.IncidentOf(World.Item(evidence)).Investigating;

    public static string List(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>The capability a scenario's own objectives give to these items, or <paramref name="fallback"/>.</summary>
    public string CapabilityFor(IReadOnlyCollection<string> evidence, string fallback)
    {
        var specific = World.Objectives.FirstOrDefault(o => o.Measure.Evidence is { } e && evidence.Contains(e));
        if (specific is not null) return specific.Capability;
        var incidents = evidence.Select(e => World.IncidentOf(World.Item(e)).Id).ToHashSet();
        var overall = World.Objectives.FirstOrDefault(o => o.Measure.Kind == MeasureKind.NoEvidenceLost && (o.Measure.Incident is null || incidents.Contains(o.Measure.Incident)));
        return overall?.Capability ?? fallback;
    }

    public static string Office(AuthorityRole role, string state) => $"{RoleLabel(role)} of {state}";

    public static string RoleLabel(AuthorityRole role) => role switch
    {
        AuthorityRole.ContactPoint => "24/7 contact point",
        AuthorityRole.CentralAuthority => "central authority",
        AuthorityRole.Prosecutor => "prosecutor's office",
        AuthorityRole.Judge => "investigating judge",
        AuthorityRole.Investigator => "cybercrime investigators",
        _ => Names.Kebab(role),
    };

    /// <summary>"AL/prosecutor" as "prosecutor's office of AL"; anything else as written.</summary>
    public static string SeatOffice(string seat) =>
        Seat.TryParse(seat, out var state, out var role) ? Office(role, state) : seat;

    public static IReadOnlyList<EventReference> Refs(IEnumerable<JournalEntry?> entries) =>
        entries.OfType<JournalEntry>().DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).Select(EventReference.Of).ToList();
}
