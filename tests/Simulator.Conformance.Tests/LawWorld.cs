using System.Security.Cryptography;
using System.Text;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Core.Rules;
using Simulator.Core.World;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Conformance.Tests;

/// <summary>
/// The smallest world an article needs, built in code: an issuing state AA investigating an offence, a requested state
/// BB, and a provider in BB ("host") holding one item of each data category ("subscriber", "identification",
/// "traffic", "content"), all under the shipped catalogue. Each test changes only the facts its article turns on,
/// so the test reads as the legal question: who is party to what, what the offence is, where the data sits.
/// </summary>
internal sealed class LawWorld
{
    public const string Issuing = "AA";
    public const string Requested = "BB";
    public const string Host = "host";

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero); // a Monday

    private readonly Dictionary<string, Jurisdiction> _states = [];
    private readonly Dictionary<string, ServiceProvider> _providers = [];
    private readonly List<EvidenceItem> _items = [];
    private Offence _offence = new(["illegal-access"], 5, false, false, false, new HashSet<string>());
    private Lead _lead = new("lead", "case", "The lead", "", Start);

    public static InstrumentCatalogue Catalogue => CatalogueLoader.Shipped;

    /// <summary>AA and BB, both party to <paramref name="frameworks"/>; the host in BB with one item per category.</summary>
    public static LawWorld Parties(params string[] frameworks)
    {
        var w = new LawWorld();
        w.State(Issuing, frameworks).State(Requested, frameworks).Provider(Host, Requested);
        foreach (var c in Enum.GetValues<DataCategory>()) w.Item(Names.Kebab(c), Host, c);
        return w;
    }

    /// <summary>AA party to <paramref name="frameworks"/>; the United States (us-sca) with the host and its items.</summary>
    public static LawWorld UnitedStatesHost(params string[] frameworks)
    {
        var w = new LawWorld();
        w.State(Issuing, frameworks.Length == 0 ? ["budapest"] : frameworks).State("US", "budapest", "us-sca").Provider(Host, "US");
        return w.AllItemsAt(Host);
    }

    /// <summary>AA plays the United States (us-sca is its own law) with a CLOUD Act agreement with BB, whose host holds the items.</summary>
    public static LawWorld UnitedStatesIssuing() =>
        Parties("budapest").State(Issuing, "budapest", "us-sca").Agreement(Issuing, Requested, "cloud-act");

    /// <summary>The host keeps every category for <paramref name="retention"/> (its items made again with it).</summary>
    public LawWorld HostKeeps(TimeSpan retention) =>
        ChangeProvider(Host, p => p with { Retention = Enum.GetValues<DataCategory>().ToDictionary(c => c, _ => retention) }).AllItemsAt(Host);

    /// <summary>One item of each category at <paramref name="holder"/>, replacing the items there were.</summary>
    public LawWorld AllItemsAt(string holder)
    {
        _items.Clear();
        foreach (var c in Enum.GetValues<DataCategory>()) Item(Names.Kebab(c), holder, c);
        return this;
    }

    /// <summary>The case shows a threat to life or of serious injury (the emergency procedures' condition).</summary>
    public LawWorld ThreatToLife() => ChangeOffence(o => o with { ThreatToLife = true });

    /// <summary>The case threatens only these (no threat to life): the instruments' emergency definitions differ on them.</summary>
    public LawWorld Threatens(params Threat[] threats) => ChangeOffence(o => o with { ThreatToLife = false, Threats = threats.ToHashSet() });

    /// <summary>Adds or replaces a state party to <paramref name="frameworks"/>, criminalising the offence's conduct.</summary>
    public LawWorld State(string id, params string[] frameworks)
    {
        _states[id] = new Jurisdiction(id, id, WorkingCalendar.OfficeHours(TimeSpan.Zero), frameworks.ToHashSet(), [], new HashSet<string>(),
            new HashSet<string>(["illegal-access", "extortion", "fraud-non-cash", "computer-related-fraud", "money-laundering"]), new HashSet<string>(),
            new HashSet<string>(), Capability.High, new ContactPointOffice(Staffing.AroundTheClock, 2), new CentralAuthorityOffice(2, DurationRange.Parse("1d")), false);
        return this;
    }

    public LawWorld Change(string state, Func<Jurisdiction, Jurisdiction> change)
    {
        _states[state] = change(_states[state]);
        return this;
    }

    /// <summary>A state that made a reservation (e.g. budapest-art29-4).</summary>
    public LawWorld Reserves(string state, string reservation) =>
        Change(state, j => j with { Reservations = j.Reservations.Append(reservation).ToHashSet() });

    /// <summary>A state whose law does not make the conduct an offence (dual criminality fails there).</summary>
    public LawWorld DoesNotCriminalise(string state, params string[] conducts) =>
        Change(state, j => j with { Criminalises = j.Criminalises.Except(conducts).ToHashSet() });

    public LawWorld Agreement(string state, string with, string kind) =>
        Change(state, j => j with { Agreements = [.. j.Agreements, new Agreement(with, kind, "test")] });

    public LawWorld Provider(string id, string headquarters, Func<ServiceProvider, ServiceProvider>? change = null)
    {
        var p = new ServiceProvider(id, id, headquarters, [headquarters], new HashSet<string>([headquarters]),
            Enum.GetValues<DataCategory>().ToDictionary(c => c, _ => TimeSpan.FromDays(365)),
            new DisclosurePolicy(false, new HashSet<DataCategory>(), 0, 0, 1),
            DurationRange.Parse("1d..2d"), DurationRange.Parse("1h..2h"), DurationRange.Parse("1h..2h"), 4, 1, 0);
        _providers[id] = change is null ? p : change(p);
        return this;
    }

    public LawWorld ChangeProvider(string id, Func<ServiceProvider, ServiceProvider> change)
    {
        _providers[id] = change(_providers[id]);
        return this;
    }

    public LawWorld Item(string id, string holder, DataCategory category, string? storedIn = null, bool isPublic = false, bool consent = false)
    {
        _items.RemoveAll(i => i.Id == id);
        var text = $"{id} at {holder}";
        _items.Add(new EvidenceItem(id, "lead", holder, storedIn ?? _providers[holder].Headquarters, category, text, Start - TimeSpan.FromDays(1),
            _providers[holder].Retention[category], isPublic, consent, [],
            new SyntheticContent("test", [text], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))))));
        return this;
    }

    /// <summary>
    /// What the facts link to the offence: the lead's <paramref name="identifiers"/> and the period of records from
    /// <paramref name="from"/> to <paramref name="to"/> days after the start; each item holds <paramref name="records"/>
    /// records for that period, <paramref name="thirdParty"/> of them of other persons.
    /// </summary>
    public LawWorld FactsSupport(string[] identifiers, int from, int to, int records, int thirdParty)
    {
        _lead = _lead with { Identifiers = identifiers, Period = new TimeWindow(Start + TimeSpan.FromDays(from), Start + TimeSpan.FromDays(to)) };
        for (var i = 0; i < _items.Count; i++) _items[i] = _items[i] with { RecordCount = records, ThirdPartyRecords = thirdParty };
        return this;
    }

    /// <summary>AA's own law at trial: for <paramref name="condition"/>, its courts give <paramref name="verdict"/>.</summary>
    public LawWorld TrialLaw(TrialCondition condition, Verdict verdict) =>
        Change(Issuing, j => j with { Admissibility = new Dictionary<TrialCondition, Verdict> { [condition] = verdict } });

    /// <summary>The moment the world starts (and its lead is known).</summary>
    public static DateTimeOffset StartsAt => Start;

    /// <summary>The offence, written as conduct (Budapest Art. 25(5)), with its maximum penalty in years in the issuing state.</summary>
    public LawWorld Offence(int years, params string[] conducts)
    {
        _offence = _offence with { Conducts = conducts, MaxPenaltyYears = years };
        return this;
    }

    /// <summary>The person whose data is sought is a national or resident of, or located in, these states.</summary>
    public LawWorld PersonOf(params string[] states) => ChangeOffence(o => o with { PersonConnectedTo = states.ToHashSet() });

    private readonly List<Objective> _objectives = [];

    /// <summary>An exercise objective, rated at the end.</summary>
    public LawWorld Objective(string id, Measure measure)
    {
        _objectives.Add(new Objective(id, "capability", "task", measure));
        return this;
    }

    private Offence? _otherCase;

    /// <summary>
    /// AA investigates another case ("other"), with no evidence of its own, for the offence the main case has (changed by
    /// <paramref name="change"/>): where evidence given for "case" may be wanted (purpose limitation).
    /// </summary>
    public LawWorld OtherCase(Func<Offence, Offence>? change = null)
    {
        _otherCase = change is null ? _offence : change(_offence);
        return this;
    }

    public LawWorld ChangeOffence(Func<Offence, Offence> change)
    {
        _offence = change(_offence);
        return this;
    }

    public ScenarioWorld Build() => new()
    {
        ScenarioId = "conformance",
        Title = "Conformance world",
        Start = Start,
        End = Start + TimeSpan.FromDays(730),
        Jurisdictions = [.. _states.Values],
        Providers = [.. _providers.Values],
        Incidents = [new Incident("case", "The case", Issuing, Start, Start, _offence), .. _otherCase is { } other ? [new Incident("other", "Another case", Issuing, Start, Start, other)] : Array.Empty<Incident>()],
        Leads = [_lead],
        Evidence = [.. _items],
        Injects = [],
        Objectives = [.. _objectives],
        AsIfInForce = _asIfInForce,
    };

    /// <summary>
    /// Every framework not yet in force is played as if it were, so that each article can be tried on its own;
    /// <see cref="NotInForce"/> takes a framework back to its status on the catalogue date.
    /// </summary>
    private readonly HashSet<string> _asIfInForce = Catalogue.Frameworks.Where(f => !f.InForce).Select(f => f.Id).ToHashSet();

    public LawWorld NotInForce(string framework)
    {
        _asIfInForce.Remove(framework);
        return this;
    }

    /// <summary>The rules' answer to a draft from AA, as the console and the policies get it.</summary>
    public RequestCheckResult Check(string instrument, AuthorityRole role, params string[] items) => Check(instrument, role, false, items);

    public RequestCheckResult Check(string instrument, AuthorityRole role, bool emergency, params string[] items) =>
        new RequestRules(Build(), Catalogue).Check(new RequestDraft(instrument, Issuing, role, items, emergency));

    /// <summary>Why the law keeps a ground from the requested state on this offence and data, or null where it is open.</summary>
    public string? GroundClosed(string instrument, string ground, string reviewer, params DataCategory[] categories)
    {
        var world = Build();
        return RequestRules.GroundClosed(Catalogue[instrument].RefusalGrounds.Single(g => g.Id == ground), world.Jurisdiction(reviewer),
            world.Incidents[0].Offence, categories.Length == 0 ? [DataCategory.Traffic] : categories);
    }

    /// <summary>Whether the ground holds on the facts (open, and the facts support it).</summary>
    public bool GroundHolds(string instrument, string ground, string reviewer, params DataCategory[] categories)
    {
        var world = Build();
        return RequestRules.GroundHolds(Catalogue[instrument].RefusalGrounds.Single(g => g.Id == ground), world.Jurisdiction(Issuing),
            world.Jurisdiction(reviewer), world.Incidents[0].Offence, categories.Length == 0 ? [DataCategory.Traffic] : categories);
    }

    /// <summary>A running simulation in which <paramref name="policy"/> plays every office, run to the end of the first day.</summary>
    public Simulation Play(IInvestigationPolicy policy, long seed = 1, TimeSpan? until = null)
    {
        var s = new Simulation(Build(), Catalogue, new SimulationOptions(seed, policy));
        s.Start();
        s.RunUntil(Start + (until ?? TimeSpan.FromDays(1)));
        return s;
    }

    /// <summary>A running simulation in which the trainees hold <paramref name="humanSeats"/> and nobody plays the rest.</summary>
    public Simulation Run(params string[] humanSeats) => Run(new SimulationOptions(1, new NoPolicy(), humanSeats.ToHashSet()));

    /// <summary>The world run under <paramref name="options"/>: another rules version's, for a rule that changed.</summary>
    public Simulation Run(SimulationOptions options)
    {
        var s = new Simulation(Build(), Catalogue, options);
        s.Start();
        s.RunUntil(Start); // the lead is known from the start: discovered, so requests may name its evidence
        return s;
    }
}
