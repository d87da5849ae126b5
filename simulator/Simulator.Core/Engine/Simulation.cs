using Simulator.Core.Catalogue;
using Simulator.Core.Clock;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Rules;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// One run of a scenario: the simulated clock, the scheduler, the world's evidence decaying, requests moving
/// through their procedures, and the journal recording all of it. Deterministic: the same world, seed and
/// decisions at the same simulated times give the same journal, byte for byte.
/// Hosts drive it with <see cref="Start"/>, <see cref="Execute"/> and <see cref="RunUntil"/> (a live exercise)
/// or <see cref="RunToEnd"/> (headless).
/// </summary>
public sealed partial class Simulation
{
    private readonly SimulationClock _clock;
    private readonly EventScheduler _scheduler = new();
    private readonly DeterministicRandom _random;
    private readonly Dictionary<string, EvidenceState> _evidence;
    private readonly List<RequestRecord> _requests = [];
    private readonly Dictionary<string, RequestRecord> _requestsById = [];
    private readonly Dictionary<string, PreservationRecord> _preservations = [];
    private readonly Dictionary<string, Office> _offices = [];
    private readonly HashSet<string> _discoveredLeads = [];
    private readonly HashSet<string> _firedInjects = [];
    private readonly Dictionary<string, (Inject Inject, int Version)> _injects = [];
    /// <summary>Injects the trainer added while the exercise ran, in the order added.</summary>
    private readonly List<Inject> _addedInjects = [];
    private readonly HashSet<string> _humanSeats;
    private readonly HashSet<string> _humanJurisdictions;
    private readonly List<string> _policyRejections = [];
    /// <summary>Jurisdictions a policy took over from trainees in a branch, and that policy.</summary>
    private readonly Dictionary<string, IInvestigationPolicy> _takenOver = [];
    private bool _started;
    private bool _ended;
    private int _policyDepth;
    private long _stepsProcessed;

    public Simulation(ScenarioWorld world, InstrumentCatalogue catalogue, SimulationOptions options)
    {
        World = world;
        Catalogue = catalogue;
        Options = options;
        _clock = new SimulationClock(world.Start);
        _random = new DeterministicRandom(unchecked((ulong)options.Seed));
        Journal = new ExerciseJournal(options.OnJournal);
        _evidence = world.Evidence.ToDictionary(e => e.Id, e => new EvidenceState(e));
        _humanSeats = options.HumanSeats?.ToHashSet() ?? [];
        _humanJurisdictions = _humanSeats.Select(s => Seat.Parse(s).Jurisdiction).ToHashSet();
        Rules = new RequestRules(world, catalogue) { IsPreservedThrough = IsPreservedThrough, IsUnfrozenAtHolder = id => _evidence[id].Status == EvidenceStatus.Available, Now = () => _clock.Now, OffenceOf = OffenceNow };
        Advisor = new InstrumentAdvisor(world, catalogue, Rules);
    }

    public ScenarioWorld World { get; }

    /// <summary>The MSEL as it stands now: the scenario's injects with the trainer's edits.</summary>
    public IEnumerable<Inject> Injects => World.Injects.Concat(_addedInjects).Select(i => _injects.TryGetValue(i.Id, out var e) ? e.Inject : i);
    public bool IsInjectPending(string id) => !_firedInjects.Contains(id);
    public InstrumentCatalogue Catalogue { get; }
    public SimulationOptions Options { get; }
    public ExerciseJournal Journal { get; }
    public RequestRules Rules { get; }
    public InstrumentAdvisor Advisor { get; }
    public DateTimeOffset Now => _clock.Now;
    public bool Ended => _ended;
    public IReadOnlyList<RequestRecord> Requests => _requests;
    public IReadOnlyCollection<PreservationRecord> Preservations => _preservations.Values;
    /// <summary>The offices that have worked on requests so far: contact points, central authorities, providers' teams.</summary>
    public IReadOnlyCollection<Office> Offices => _offices.Values;
    public bool IsHumanSeat(string seat) => _humanSeats.Contains(seat);
    /// <summary>
    /// The policy that decides for a state's offices no trainee holds (all of them in a state nobody sits for), or
    /// null when trainees play the whole state (under rules before 2026.12.2, any seated state).
    /// </summary>
    public string? PolicyPlaying(string jurisdiction) =>
        PolicyPlays(jurisdiction) ? (_takenOver.GetValueOrDefault(jurisdiction) ?? Options.Policy).Name : null;
    /// <summary>Who takes a seat's decisions: the trainee holding it, else the policy playing its state, else nobody (null).</summary>
    public string? PlayedBy(string seat) => IsHuman(seat) ? "trainee" : PolicyPlaying(Seat.Parse(seat).Jurisdiction);
    public IReadOnlyCollection<EvidenceState> EvidenceStates => _evidence.Values;
    public IReadOnlyList<string> PolicyRejections => _policyRejections;
    public DateTimeOffset? NextEventAt => _scheduler.NextAt;
    /// <summary>
    /// Scheduled steps processed so far. With the journal's length it tells a host whether anything may have changed
    /// since it last looked: state changes only in a step or a decision, and every accepted decision is journalled.
    /// </summary>
    public long StepsProcessed => _stepsProcessed;
    public EvidenceState Evidence(string id) => _evidence[id];
    public RequestRecord? Request(string id) => _requestsById.GetValueOrDefault(id);
    public bool IsLeadDiscovered(string lead) => _discoveredLeads.Contains(lead);

    /// <summary>Opens the exercise: the world as it stands at the start, and everything already due in the future.</summary>
    public void Start()
    {
        if (_started) throw new InvalidOperationException("The simulation has already started.");
        _started = true;
        Record(new ExerciseStarted(World.ScenarioId, World.Title, Options.Seed, Options.Policy.Name, World.Start, World.End));
        foreach (var incident in World.Incidents)
            At(incident.StartsAt, () => Record(new IncidentStarted(incident.Id, incident.Title, incident.Investigating, incident.StartsAt)));
        foreach (var item in World.Evidence.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            At(Max(item.CreatedAt, World.Start), () => CreateEvidence(item));
            At(item.ExpiresAt - Catalogue.Figures.RetentionWarning, () => WarnRetention(item.Id));
            At(item.ExpiresAt, () => ExpireRetention(item.Id));
        }
        foreach (var lead in World.Leads.Where(l => l.KnownAt is not null).OrderBy(l => l.KnownAt))
            At(lead.KnownAt!.Value, () => DiscoverLead(lead.Id, "known at the start of the investigation"));
        foreach (var inject in World.Injects.OrderBy(i => i.At))
            ScheduleInject(inject, 0);
        ScheduleThreatEnds();
        ScheduleWantedUses();
    }

    /// <summary>Processes every event due up to <paramref name="until"/>, then leaves the clock there.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        EnsureStarted();
        if (until > World.End) until = World.End;
        while (!_ended && _scheduler.TryTakeDue(until, out var at, out var action))
        {
            _clock.AdvanceTo(at);
            _stepsProcessed++;
            action();
        }
        if (until > _clock.Now) _clock.AdvanceTo(until);
    }

    /// <summary>Processes the next event only; false when nothing is left before the end.</summary>
    public bool Step()
    {
        EnsureStarted();
        if (_ended || !_scheduler.TryTakeDue(World.End, out var at, out var action)) return false;
        _clock.AdvanceTo(at);
        _stepsProcessed++;
        action();
        return true;
    }

    /// <summary>Headless play: jump from event to event until the horizon or until nothing is left to happen.</summary>
    public void RunToEnd()
    {
        EnsureStarted();
        while (Step()) { }
        if (_scheduler.Count == 0)
        {
            Finish("nothing left to happen");
            return;
        }
        _clock.AdvanceTo(World.End);
        Finish("scenario horizon reached");
    }

    /// <summary>Closes the exercise: holds the trial (from rules 2026.12.8), rates the objectives from the journal and records the end.</summary>
    public void Finish(string reason)
    {
        if (_ended) return;
        if (Options.HoldsTrial)
            foreach (var verdict in Admissibility.Trial.Examine(this))
                Record(new AdmissibilityExamined(verdict.Evidence, verdict.Investigating, Names.Kebab(verdict.Verdict),
                    [.. verdict.Findings.Select(f => $"{Names.Kebab(f.When)}: {f.Why}")], [.. verdict.Findings.Select(f => f.Source)]));
        if (Options.HoldsTrial)
            foreach (var verdict in Admissibility.Trial.ExamineUses(this))
                Record(new UseExamined(verdict.Evidence, verdict.In, verdict.Investigating, Names.Kebab(verdict.Verdict),
                    [.. verdict.Findings.Select(f => $"{Names.Kebab(f.When)}: {f.Why}")], [.. verdict.Findings.Select(f => f.Source)]));
        foreach (var rating in Objectives.ObjectiveRater.Rate(World, Catalogue, Journal.Entries, Options.LaterLossLowersRatings))
            Record(new ObjectiveRated(rating.Objective, rating.Rating, rating.Evidence));
        Record(new ExerciseEnded(reason));
        _ended = true;
    }

    public SimulationOutcome Outcome() => OutcomeBuilder.Build(this);

    internal void Record(JournalEvent evt) => Journal.Append(_clock.Now, evt);

    private void At(DateTimeOffset instant, Action action) => _scheduler.At(Max(instant, _clock.Now), action);

    private void After(TimeSpan delay, Action action) => At(_clock.Now + delay, action);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void EnsureStarted()
    {
        if (!_started) Start();
    }

    private bool IsHuman(string seat) => _humanSeats.Contains(seat);

    private double CapabilityFactor(string jurisdiction) => World.Jurisdiction(jurisdiction).Capability switch
    {
        Capability.High => Catalogue.Figures.HighCapabilityFactor,
        Capability.Low => Catalogue.Figures.LowCapabilityFactor,
        _ => Catalogue.Figures.MediumCapabilityFactor,
    };

    /// <summary>Whether the policy acts for some office of this state (those no trainee holds).</summary>
    private bool PolicyPlays(string jurisdiction) => Options.PolicyPlaysSeatedStates || !_humanJurisdictions.Contains(jurisdiction);

    /// <summary>Whether the policy may decide as this seat: an office no trainee holds, in a state the policy plays.</summary>
    internal bool PolicyMayActAs(string seat) => !IsHuman(seat) && PolicyPlays(Seat.Parse(seat).Jurisdiction);

    private void WithPolicy(string jurisdiction, Action<IInvestigationPolicy, PolicyContext> hook)
    {
        if (_ended || !PolicyPlays(jurisdiction)) return;
        // A policy's command may trigger events that call the policy again; depth-guard keeps that finite.
        if (_policyDepth > Catalogue.Figures.PolicyReactionDepth) return;
        _policyDepth++;
        try { hook(_takenOver.GetValueOrDefault(jurisdiction) ?? Options.Policy, new PolicyContext(this, jurisdiction)); }
        finally { _policyDepth--; }
    }
}
