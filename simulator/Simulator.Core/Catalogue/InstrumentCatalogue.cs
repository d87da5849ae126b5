namespace Simulator.Core.Catalogue;

/// <summary>The legal world the engine plays by: frameworks, instruments and engine-wide figures, all from one file.</summary>
public sealed class InstrumentCatalogue
{
    private readonly Dictionary<string, Instrument> _byId;

    public InstrumentCatalogue(string asOf, IReadOnlyList<Framework> frameworks, IReadOnlyList<Instrument> instruments, EngineFigures figures,
        IReadOnlyList<OffenceList>? offenceLists = null, IReadOnlyList<EmergencyDefinition>? emergencies = null, IReadOnlyList<TrialRule>? trial = null,
        EmergencySunset? sunset = null)
    {
        Sunset = sunset ?? EmergencySunset.Default;
        TrialRules = trial ?? [];
        AsOf = asOf;
        OffenceLists = offenceLists ?? [];
        Emergencies = emergencies ?? [];
        Frameworks = frameworks;
        Instruments = instruments;
        Figures = figures;
        _byId = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public string AsOf { get; }
    public IReadOnlyList<Framework> Frameworks { get; }
    public IReadOnlyList<Instrument> Instruments { get; }
    public EngineFigures Figures { get; }

    /// <summary>The offence lists the exceptions cite (Budapest Arts. 2-11, REG Annex IV...), each with its source.</summary>
    public IReadOnlyList<OffenceList> OffenceLists { get; }

    /// <summary>The instruments' own definitions of an emergency, each with its source.</summary>
    public IReadOnlyList<EmergencyDefinition> Emergencies { get; }

    /// <summary>What becomes of emergency powers when their threat ends, with its source.</summary>
    public EmergencySunset Sunset { get; }

    /// <summary>The trial at the end: what a court finds against a secured item, and its verdict (<see cref="Admissibility.Trial"/>).</summary>
    public IReadOnlyList<TrialRule> TrialRules { get; }

    public Instrument this[string id] =>
        _byId.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No instrument '{id}' in the catalogue.");

    public bool TryGet(string id, out Instrument instrument) => _byId.TryGetValue(id, out instrument!);

    public bool HasFramework(string id) => Frameworks.Any(f => f.Id == id);

    /// <summary>A copy with some instruments replaced: how scenarios and what-if overlays change figures without touching the file.</summary>
    public InstrumentCatalogue With(IEnumerable<Instrument> replacements)
    {
        var map = replacements.ToDictionary(i => i.Id);
        return new InstrumentCatalogue(AsOf, Frameworks, Instruments.Select(i => map.TryGetValue(i.Id, out var r) ? r : i).ToList(), Figures, OffenceLists, Emergencies, TrialRules, Sunset);
    }
}
