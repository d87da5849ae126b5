using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Reports.Transparency;

/// <summary>
/// Transparency figures over any number of runs, aggregated as each run finishes (nothing per run is kept; each
/// worker tallies its share and the shares are merged), the way <see cref="Planning.PolicyStatistics"/> does.
/// A run is read from its outcome and its journal: the outcome has each request's end, time and cost, the journal
/// the refusal grounds' wording and what became of each preservation (extensions, lapses).
/// </summary>
public sealed class TransparencyTally
{
    private sealed class InstrumentTally
    {
        public string Name = "", LegalBasis = "", Purpose = "";
        public readonly OutcomeTally Outcomes = new();
        public readonly DurationSample Durations = new();
    }

    private sealed class GroundTally
    {
        public string Description = "";
        public long Count;
        public readonly SortedSet<string> Instruments = new(StringComparer.Ordinal);
        public readonly SortedSet<string> RefusedBy = new(StringComparer.Ordinal);
    }

    private readonly SortedDictionary<string, InstrumentTally> _instruments = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OutcomeTally> _issuing = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OutcomeTally> _requested = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Ground, string Source), GroundTally> _grounds = [];
    private readonly SortedDictionary<string, (long Requests, long Answered, decimal Cost)> _providers = new(StringComparer.Ordinal);
    private readonly OutcomeTally _outcomes = new();
    private readonly DurationSample _emergencyTimes = new();
    private long _emergency, _emergencyAnswered;
    private readonly DurationSample _urgentTimes = new();
    private long _urgent, _urgentAnswered;
    private long _preservations, _confirmed, _frozen, _extensions, _keptAlive, _lapsed;
    private long _overBroad, _narrowed, _records, _beyondNeed, _thirdParty, _secured, _admissible, _challenged, _excluded;
    private long _redacted, _claimsReviewed, _claimsNotHeld, _lapsedWithEmergency, _notValidated;
    private long _uses, _usesWithConsent, _consentsRefused, _violations, _usesNotAdmitted;
    private long _inDefault, _enforcements, _notRecognised, _penalties;
    private long _toInform, _informed, _delayed, _notInformed;
    private decimal _reimbursed;

    /// <summary>Per-run measures, for the distributions across runs.</summary>
    private readonly RunDistribution _requestsPerRun = new("requests", "requests");
    private readonly RunDistribution _producedPerRun = new("requests produced", "requests");
    private readonly RunDistribution _refusedPerRun = new("requests refused", "requests");
    private readonly RunDistribution _pendingPerRun = new("requests pending at the end", "requests");
    private readonly RunDistribution _costPerRun = new("provider cost", "currency units");

    public int Runs { get; private set; }
    public string Scenario { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Policy { get; private set; } = "";
    public string CatalogueAsOf { get; private set; } = "";
    public long FirstSeed { get; private set; } = long.MaxValue;
    public long LastSeed { get; private set; } = long.MinValue;

    public void Add(Simulation simulation) => Add(simulation.Outcome(), simulation.Journal.Entries, simulation.Catalogue);

    public void Add(SimulationOutcome outcome, IReadOnlyList<JournalEntry> journal, InstrumentCatalogue catalogue)
    {
        Runs++;
        Scenario = outcome.Scenario;
        Policy = outcome.Policy;
        CatalogueAsOf = catalogue.AsOf;
        FirstSeed = Math.Min(FirstSeed, outcome.Seed);
        LastSeed = Math.Max(LastSeed, outcome.Seed);
        var refusals = new Dictionary<string, RequestRefused>(StringComparer.Ordinal);
        foreach (var e in journal)
        {
            switch (e.Event)
            {
                case ExerciseStarted s: Title = s.Title; break;
                case RequestRefused r: refusals[r.Request] = r; break;
                case PreservationStateChanged { From: "requested", To: "active" }: _frozen++; break;
                case PreservationStateChanged { To: "extended" }: _extensions++; break;
                case PreservationStateChanged { To: "converted" }: _keptAlive++; break;
                case PreservationStateChanged { To: "lapsed" }: _lapsed++; break;
            }
        }

        long produced = 0, refused = 0, pending = 0;
        decimal cost = 0;
        foreach (var r in outcome.Requests)
        {
            var kind = RequestOutcomeKind.Of(r.State);
            _outcomes.Add(kind);
            var instrument = catalogue.TryGet(r.Instrument, out var i) ? i : null;
            if (!_instruments.TryGetValue(r.Instrument, out var it))
                _instruments[r.Instrument] = it = new InstrumentTally
                {
                    Name = instrument?.Name ?? r.Instrument, LegalBasis = instrument?.LegalBasis ?? "", Purpose = instrument is null ? "" : Names.Kebab(instrument.Purpose),
                };
            it.Outcomes.Add(kind);
            if (r.Duration is { } took && r.ClosedAt is not null) it.Durations.Add(took);
            Tally(_issuing, Seat.Parse(r.Issuer).Jurisdiction).Add(kind);
            Tally(_requested, r.RequestedState).Add(kind);

            if (kind == RequestOutcomeKind.Refused && r.Ground is not null)
            {
                var key = (r.Ground, r.GroundSource ?? "");
                if (!_grounds.TryGetValue(key, out var g)) _grounds[key] = g = new GroundTally();
                g.Count++;
                g.Instruments.Add(r.Instrument);
                if (refusals.TryGetValue(r.Request, out var refusal))
                {
                    g.RefusedBy.Add(refusal.By);
                    g.Description = Earliest(g.Description, refusal.Description);
                }
            }
            if (r.Emergency)
            {
                _emergency++;
                if (kind == RequestOutcomeKind.Produced)
                {
                    _emergencyAnswered++;
                    if (r.Duration is { } t) _emergencyTimes.Add(t);
                }
            }
            if (r.Urgent)
            {
                _urgent++;
                if (kind == RequestOutcomeKind.Produced)
                {
                    _urgentAnswered++;
                    if (r.Duration is { } t) _urgentTimes.Add(t);
                }
            }
            if (instrument?.Purpose == InstrumentPurpose.Preservation)
            {
                _preservations++;
                if (kind == RequestOutcomeKind.Produced) _confirmed++;
            }
            var p = _providers.GetValueOrDefault(r.Provider);
            _providers[r.Provider] = (p.Requests + 1, p.Answered + (r.Cost > 0 ? 1 : 0), p.Cost + r.Cost);

            if (kind == RequestOutcomeKind.Produced) produced++;
            if (kind == RequestOutcomeKind.Refused) refused++;
            if (kind == RequestOutcomeKind.Pending) pending++;
            cost += r.Cost;
            if (r.CostBorneBy == "issuing-state") _reimbursed += r.Cost;
        }
        if (outcome.Rights is { } rights)
        {
            (_overBroad, _narrowed, _records, _beyondNeed, _thirdParty) = (_overBroad + rights.OverBroadRequests, _narrowed + rights.NarrowedRequests,
                _records + rights.RecordsObtained, _beyondNeed + rights.RecordsBeyondNeed, _thirdParty + rights.ThirdPartyRecords);
            (_challenged, _excluded) = (_challenged + rights.AdmissibleUnderChallenge, _excluded + rights.Excluded);
            (_redacted, _claimsReviewed, _claimsNotHeld, _lapsedWithEmergency, _notValidated) = (_redacted + rights.RecordsRedacted,
                _claimsReviewed + rights.EmergencyClaimsReviewed, _claimsNotHeld + rights.EmergencyClaimsNotHeld,
                _lapsedWithEmergency + rights.LapsedWithEmergency, _notValidated + rights.NotValidatedAfterwards);
            (_uses, _usesWithConsent, _consentsRefused, _violations, _usesNotAdmitted) = (_uses + rights.UsesBeyondPurpose, _usesWithConsent + rights.UsesWithConsent,
                _consentsRefused + rights.ConsentsRefused, _violations + rights.PurposeViolations, _usesNotAdmitted + rights.UsesNotAdmitted);
            (_inDefault, _enforcements, _notRecognised, _penalties) = (_inDefault + rights.OrdersInDefault, _enforcements + rights.EnforcementsRequested,
                _notRecognised + rights.EnforcementsNotRecognised, _penalties + rights.Penalties);
            (_toInform, _informed, _delayed, _notInformed) = (_toInform + rights.PersonsToInform, _informed + rights.PersonsInformed,
                _delayed + rights.InformingDelayed, _notInformed + rights.PersonsNotInformed);
        }
        _secured += outcome.Summary.Secured;
        _admissible += outcome.Summary.SecuredAndAdmissible;
        _requestsPerRun.Add(outcome.Requests.Count);
        _producedPerRun.Add(produced);
        _refusedPerRun.Add(refused);
        _pendingPerRun.Add(pending);
        _costPerRun.Add((double)cost);
    }

    public void Merge(TransparencyTally other)
    {
        if (other.Runs == 0) return;
        Runs += other.Runs;
        (Scenario, Title, Policy, CatalogueAsOf) = (other.Scenario, other.Title, other.Policy, other.CatalogueAsOf);
        FirstSeed = Math.Min(FirstSeed, other.FirstSeed);
        LastSeed = Math.Max(LastSeed, other.LastSeed);
        foreach (var (k, v) in other._instruments)
        {
            if (!_instruments.TryGetValue(k, out var it)) _instruments[k] = it = new InstrumentTally { Name = v.Name, LegalBasis = v.LegalBasis, Purpose = v.Purpose };
            it.Outcomes.Merge(v.Outcomes);
            it.Durations.Merge(v.Durations);
        }
        foreach (var (k, v) in other._issuing) Tally(_issuing, k).Merge(v);
        foreach (var (k, v) in other._requested) Tally(_requested, k).Merge(v);
        foreach (var (k, v) in other._grounds)
        {
            if (!_grounds.TryGetValue(k, out var g)) _grounds[k] = g = new GroundTally();
            g.Count += v.Count;
            g.Description = Earliest(g.Description, v.Description);
            g.Instruments.UnionWith(v.Instruments);
            g.RefusedBy.UnionWith(v.RefusedBy);
        }
        foreach (var (k, v) in other._providers)
        {
            var p = _providers.GetValueOrDefault(k);
            _providers[k] = (p.Requests + v.Requests, p.Answered + v.Answered, p.Cost + v.Cost);
        }
        _outcomes.Merge(other._outcomes);
        _emergencyTimes.Merge(other._emergencyTimes);
        _emergency += other._emergency;
        _emergencyAnswered += other._emergencyAnswered;
        _urgentTimes.Merge(other._urgentTimes);
        _urgent += other._urgent;
        _urgentAnswered += other._urgentAnswered;
        _preservations += other._preservations;
        _confirmed += other._confirmed;
        _frozen += other._frozen;
        _extensions += other._extensions;
        _keptAlive += other._keptAlive;
        _lapsed += other._lapsed;
        (_overBroad, _narrowed, _records, _beyondNeed, _thirdParty) = (_overBroad + other._overBroad, _narrowed + other._narrowed,
            _records + other._records, _beyondNeed + other._beyondNeed, _thirdParty + other._thirdParty);
        (_secured, _admissible, _challenged, _excluded) = (_secured + other._secured, _admissible + other._admissible, _challenged + other._challenged, _excluded + other._excluded);
        (_redacted, _claimsReviewed, _claimsNotHeld, _lapsedWithEmergency, _notValidated) = (_redacted + other._redacted, _claimsReviewed + other._claimsReviewed,
            _claimsNotHeld + other._claimsNotHeld, _lapsedWithEmergency + other._lapsedWithEmergency, _notValidated + other._notValidated);
        (_uses, _usesWithConsent, _consentsRefused, _violations, _usesNotAdmitted) = (_uses + other._uses, _usesWithConsent + other._usesWithConsent,
            _consentsRefused + other._consentsRefused, _violations + other._violations, _usesNotAdmitted + other._usesNotAdmitted);
        (_inDefault, _enforcements, _notRecognised, _penalties) = (_inDefault + other._inDefault, _enforcements + other._enforcements,
            _notRecognised + other._notRecognised, _penalties + other._penalties);
        (_toInform, _informed, _delayed, _notInformed) = (_toInform + other._toInform, _informed + other._informed,
            _delayed + other._delayed, _notInformed + other._notInformed);
        _reimbursed += other._reimbursed;
        _requestsPerRun.Merge(other._requestsPerRun);
        _producedPerRun.Merge(other._producedPerRun);
        _refusedPerRun.Merge(other._refusedPerRun);
        _pendingPerRun.Merge(other._pendingPerRun);
        _costPerRun.Merge(other._costPerRun);
    }

    public TransparencyFigures Figures()
    {
        var runs = Math.Max(1, Runs);
        double PerRun(long n) => Math.Round((double)n / runs, 2);
        var totalCost = _providers.Values.Sum(p => p.Cost);
        return new TransparencyFigures(
            Runs,
            _outcomes.Total,
            PerRun(_outcomes.Total),
            _outcomes.Counts(),
            _instruments.Select(kv => new InstrumentFigures(kv.Key, kv.Value.Name, kv.Value.LegalBasis, kv.Value.Purpose, kv.Value.Outcomes.Total,
                PerRun(kv.Value.Outcomes.Total), kv.Value.Outcomes.Counts(), Durations(kv.Value.Durations))).ToList(),
            States(_issuing, PerRun),
            States(_requested, PerRun),
            _grounds.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key.Ground, StringComparer.Ordinal)
                .Select(g => new RefusalGroundFigures(g.Key.Ground, g.Value.Description, g.Key.Source, g.Value.Count, PerRun(g.Value.Count), [.. g.Value.Instruments], [.. g.Value.RefusedBy])).ToList(),
            Expedited(_emergency, _emergencyAnswered, _emergencyTimes),
            new PreservationFigures(_preservations, _confirmed, _frozen, _extensions, _keptAlive, _lapsed),
            new CostFigures(totalCost, Math.Round(totalCost / runs, 2),
                _providers.Select(p => new ProviderCostFigures(p.Key, p.Value.Requests, p.Value.Answered, p.Value.Cost, Math.Round(p.Value.Cost / runs, 2))).ToList(),
                _reimbursed),
            Expedited(_urgent, _urgentAnswered, _urgentTimes),
            new SafeguardFigures(_overBroad, _narrowed, _records, _beyondNeed, _thirdParty, _secured, _admissible, _challenged, _excluded,
                _redacted, _claimsReviewed, _claimsNotHeld, _lapsedWithEmergency, _notValidated, _uses, _usesWithConsent, _consentsRefused, _violations, _usesNotAdmitted,
                _inDefault, _enforcements, _notRecognised, _penalties, _toInform, _informed, _delayed, _notInformed));
    }

    private static ExpeditedFigures Expedited(long requests, long answered, DurationSample times) =>
        new(requests, answered, requests == 0 ? 0 : Math.Round((double)answered / requests, 4), Durations(times));

    /// <summary>Per-run requests, produced, refused, pending at the end, and provider cost, across the runs.</summary>
    public IReadOnlyList<RunDistributionFigures> Distributions() =>
        [_requestsPerRun.Figures(), _producedPerRun.Figures(), _refusedPerRun.Figures(), _pendingPerRun.Figures(), _costPerRun.Figures()];

    private static DurationFigures Durations(DurationSample s) => new(s.Count, s.Quantile(0.1), s.Quantile(0.5), s.Quantile(0.9));

    private static IReadOnlyList<StateFigures> States(SortedDictionary<string, OutcomeTally> map, Func<long, double> perRun) =>
        map.Select(kv => new StateFigures(kv.Key, kv.Value.Total, perRun(kv.Value.Total), kv.Value.Counts())).ToList();

    private static OutcomeTally Tally(SortedDictionary<string, OutcomeTally> map, string key)
    {
        if (!map.TryGetValue(key, out var t)) map[key] = t = new OutcomeTally();
        return t;
    }

    /// <summary>Of two wordings of one ground, the same one whatever the merge order.</summary>
    private static string Earliest(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
}
