using System.Globalization;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Scenario;

/// <summary>
/// The meaning checks a JSON Schema cannot make: every reference points at something defined, every lead can be
/// discovered, every retention is known, every figure parses. Each problem is positioned and explained.
/// </summary>
public sealed class ScenarioValidator(ScenarioFile s, SourceMap map, InstrumentCatalogue catalogue)
{
    private readonly List<Diagnostic> _problems = [];

    public IReadOnlyList<Diagnostic> Validate()
    {
        var states = Ids(s.Jurisdictions.Select(j => j.Id), "/jurisdictions", "state");
        var providers = Ids(s.Providers.Select(p => p.Id), "/providers", "provider");
        var incidents = Ids(s.Incidents.Select(i => i.Id), "/incidents", "incident");
        var leads = Ids(s.Leads.Select(l => l.Id), "/leads", "lead");
        var injectIds = Ids(s.Injects.Select(i => i.Id), "/injects", "inject");
        Ids(s.Objectives.Select(o => o.Id), "/objectives", "objective");
        var evidence = new HashSet<string>();
        for (var l = 0; l < s.Leads.Count; l++)
            for (var e = 0; e < s.Leads[l].Evidence.Count; e++)
                if (!evidence.Add(s.Leads[l].Evidence[e].Id))
                    Problem($"/leads/{l}/evidence/{e}/id", $"evidence id '{s.Leads[l].Evidence[e].Id}' is used twice", "evidence ids are unique across the whole scenario");

        if (!DateTimeOffset.TryParse(s.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || !s.Start.Contains('T'))
            Problem("/start", $"'{s.Start}' is not a date and time", "write ISO 8601 with an offset, e.g. 2026-09-07T06:00:00Z");
        // The exercise's times run from years before the start (retention, leads' periods) to years after it (its horizon).
        else if (start.Year is < 1900 or > 2200)
            Problem("/start", $"'{s.Start}' is too far from our time for a calendar of working days and deadlines", "give a start between the years 1900 and 2200");
        if (!DurationText.TryParse(s.Duration, out var horizon) || horizon <= TimeSpan.Zero || horizon > TimeSpan.FromDays(50 * 365))
            Problem("/duration", $"'{s.Duration}' is not a horizon between 1 minute and 50 years");
        void WithinHorizon(string? text, string at, string what)
        {
            if (text is null || !DurationText.TryParse(text, out var t)) return;
            if (t > horizon) Problem(at, $"{what} ({text}) falls after the end of the exercise ({s.Duration})", "move it earlier, or lengthen duration");
        }
        for (var i = 0; i < s.Incidents.Count; i++)
        {
            WithinHorizon(s.Incidents[i].Starts, $"/incidents/{i}/starts", "the incident's start");
            WithinHorizon(s.Incidents[i].Discovered, $"/incidents/{i}/discovered", "the incident's discovery");
            if (s.Incidents[i].Offence.ThreatEnds is { } ends)
            {
                var offence = s.Incidents[i].Offence;
                WithinHorizon(ends.At, $"/incidents/{i}/offence/threat-ends/at", "the end of the threat");
                if (!offence.ThreatToLife && offence.Threats is not { Count: > 0 })
                    Problem($"/incidents/{i}/offence/threat-ends", "the offence shows no threat that could end", "set threat-to-life or threats, or remove threat-ends");
                else if (DurationText.TryParse(ends.At, out var end) && DurationText.TryParse(s.Incidents[i].Discovered, out var discovered) && end <= discovered)
                    Problem($"/incidents/{i}/offence/threat-ends/at", $"the threat ends ({ends.At}) before the incident is discovered ({s.Incidents[i].Discovered}): no emergency could be claimed on it", "give an at later than discovered, or remove the threat");
            }
        }
        for (var i = 0; i < s.Leads.Count; i++)
        {
            WithinHorizon(s.Leads[i].KnownAt, $"/leads/{i}/known-at", "known-at");
            if (s.Leads[i].Period is { } period && DurationText.TryParse(period.From, out var from) && DurationText.TryParse(period.To, out var to) && from >= to)
                Problem($"/leads/{i}/period/to", $"the period the facts support ends ({period.To}) before it starts ({period.From})", "give a to later than from");
            for (var e = 0; e < s.Leads[i].Evidence.Count; e++)
            {
                WithinHorizon(s.Leads[i].Evidence[e].Created, $"/leads/{i}/evidence/{e}/created", "created");
                if (s.Leads[i].Evidence[e].Data is { } data && data.ThirdParty > data.Records)
                    Problem($"/leads/{i}/evidence/{e}/data/third-party", $"{data.ThirdParty} third-party records is more than the item's {data.Records} records", "give at most records");
            }
        }
        for (var i = 0; i < s.Injects.Count; i++) WithinHorizon(s.Injects[i].At, $"/injects/{i}/at", "the inject");
        for (var i = 0; i < s.Objectives.Count; i++) WithinHorizon(s.Objectives[i].Measure.By, $"/objectives/{i}/measure/by", "the objective's deadline");

        for (var i = 0; i < s.Jurisdictions.Count; i++) Jurisdiction(s.Jurisdictions[i], $"/jurisdictions/{i}", states);
        for (var k = 0; k < s.AsIfInForce.Count; k++)
        {
            var id = s.AsIfInForce[k];
            if (catalogue.Frameworks.FirstOrDefault(f => f.Id == id) is not { } framework)
                Problem($"/as-if-in-force/{k}", $"unknown framework '{id}'", Suggest(id, catalogue.Frameworks.Select(f => f.Id)) ?? $"frameworks: {string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}");
            else if (framework.InForce)
                Problem($"/as-if-in-force/{k}", $"{id} is in force: there is nothing to play as if it were", "list here only frameworks the catalogue marks in-force: false");
        }
        for (var i = 0; i < s.Providers.Count; i++) Provider(s.Providers[i], $"/providers/{i}", states);
        for (var i = 0; i < s.Incidents.Count; i++)
        {
            var inc = s.Incidents[i];
            Ref(states, inc.Investigating, $"/incidents/{i}/investigating", "state");
            for (var k = 0; k < inc.Offence.AlreadyTriedIn.Count; k++) Ref(states, inc.Offence.AlreadyTriedIn[k], $"/incidents/{i}/offence/already-tried-in/{k}", "state");
            for (var k = 0; k < inc.Offence.PersonConnectedTo.Count; k++) Ref(states, inc.Offence.PersonConnectedTo[k], $"/incidents/{i}/offence/person-connected-to/{k}", "state");
            for (var k = 0; k < inc.Offence.CommittedIn.Count; k++) Ref(states, inc.Offence.CommittedIn[k], $"/incidents/{i}/offence/committed-in/{k}", "state");
            if (inc.Offence.PersonResidesIn is { } residence) Ref(states, residence, $"/incidents/{i}/offence/person-resides-in", "state");
        }
        var revealed = new HashSet<string>();
        for (var l = 0; l < s.Leads.Count; l++)
        {
            var lead = s.Leads[l];
            Ref(incidents, lead.Incident, $"/leads/{l}/incident", "incident");
            for (var e = 0; e < lead.Evidence.Count; e++)
            {
                var item = lead.Evidence[e];
                var at = $"/leads/{l}/evidence/{e}";
                Evidence(item, at, providers, states, leads, lead.Id);
                revealed.UnionWith(item.Reveals);
            }
        }
        for (var i = 0; i < s.Injects.Count; i++)
        {
            var inject = s.Injects[i];
            var at = $"/injects/{i}";
            for (var k = 0; k < inject.To.Count; k++)
            {
                var state = inject.To[k].Split('/')[0];
                if (!states.Contains(state)) Problem($"{at}/to/{k}", $"inject goes to '{inject.To[k]}' but there is no state '{state}'", Suggest(state, states));
            }
            for (var k = 0; k < inject.Reveals.Count; k++) Ref(leads, inject.Reveals[k], $"{at}/reveals/{k}", "lead");
            for (var k = 0; k < inject.Expects.Count; k++)
                if (!catalogue.TryGet(inject.Expects[k], out _))
                    Problem($"{at}/expects/{k}", $"unknown instrument '{inject.Expects[k]}'", Suggest(inject.Expects[k], catalogue.Instruments.Select(x => x.Id)));
            revealed.UnionWith(inject.Reveals);
            if (inject.Purge is not null) Ref(providers, inject.Purge, $"{at}/purge", "provider");
            for (var k = 0; k < inject.PurgeEvidence.Count; k++) Ref(evidence, inject.PurgeEvidence[k], $"{at}/purge-evidence/{k}", "evidence item");
            if (inject.Condition is { } c)
            {
                if (c.Kind == "no-request-reached-provider")
                {
                    if (c.Provider is null) Problem($"{at}/condition", "this condition needs 'provider'");
                    else Ref(providers, c.Provider, $"{at}/condition/provider", "provider");
                }
                else if (c.Evidence is null) Problem($"{at}/condition", "this condition needs 'evidence'");
                else Ref(evidence, c.Evidence, $"{at}/condition/evidence", "evidence item");
            }
        }
        for (var l = 0; l < s.Leads.Count; l++)
        {
            if (s.Leads[l].KnownAt is null && !revealed.Contains(s.Leads[l].Id))
                Problem($"/leads/{l}/id", $"lead '{s.Leads[l].Id}' can never be discovered",
                    "give it known-at, or name it in an inject's reveals or an evidence item's reveals");
        }
        for (var i = 0; i < s.Objectives.Count; i++)
        {
            var m = s.Objectives[i].Measure;
            var at = $"/objectives/{i}/measure";
            if (m.Kind is "preservation-requested" or "evidence-preserved" or "evidence-secured")
            {
                if (m.Evidence is null) Problem(at, $"a {m.Kind} measure needs 'evidence'");
                else Ref(evidence, m.Evidence, $"{at}/evidence", "evidence item");
            }
            if (m.Kind == "instrument-used")
            {
                if (m.Instrument is null) Problem(at, "an instrument-used measure needs 'instrument'");
                else if (!catalogue.TryGet(m.Instrument, out _)) Problem($"{at}/instrument", $"unknown instrument '{m.Instrument}'", Suggest(m.Instrument, catalogue.Instruments.Select(x => x.Id)));
            }
            if (m.Kind == "inject-answered")
            {
                if (m.Inject is null) Problem(at, "an inject-answered measure needs 'inject'");
                else Ref(injectIds, m.Inject, $"{at}/inject", "inject");
            }
            if (m.Incident is not null) Ref(incidents, m.Incident, $"{at}/incident", "incident");
        }
        Uses(states, incidents, evidence, WithinHorizon);
        var objectiveIds = s.Objectives.Select(o => o.Id).ToHashSet();
        var taskIds = new HashSet<string>(objectiveIds);
        for (var g = 0; g < s.EvaluationGuides.Count; g++)
        {
            var guide = s.EvaluationGuides[g];
            var at = $"/evaluation-guides/{g}";
            if (string.IsNullOrWhiteSpace(guide.Capability)) Problem($"{at}/capability", "an evaluation guide needs the capability it evaluates");
            if (guide.Tasks.Count == 0) Problem($"{at}/tasks", "an evaluation guide needs at least one critical task");
            for (var t = 0; t < guide.Tasks.Count; t++)
            {
                var task = guide.Tasks[t];
                // A task that rates an objective may share its id; any other id is the task's own, unique with the objectives'.
                if (task.Id != task.Objective && !taskIds.Add(task.Id))
                    Problem($"{at}/tasks/{t}/id", $"critical task id '{task.Id}' is used twice (task and objective ids are one list the evaluator rates by)");
                if (task.Objective is not null) Ref(objectiveIds, task.Objective, $"{at}/tasks/{t}/objective", "objective");
            }
        }
        for (var i = 0; i < s.InstrumentOverrides.Count; i++)
        {
            var o = s.InstrumentOverrides[i];
            if (!catalogue.TryGet(o.Instrument, out var instrument))
                Problem($"/instrument-overrides/{i}/instrument", $"unknown instrument '{o.Instrument}'", Suggest(o.Instrument, catalogue.Instruments.Select(x => x.Id)));
            else if ((o.PreservationPeriod ?? o.PreservationExtension) is not null && instrument.Preservation is null)
                Problem($"/instrument-overrides/{i}", $"{o.Instrument} is not a preservation instrument: it has no preservation period to change");
            if (o.Review is not null) Range(o.Review, $"/instrument-overrides/{i}/review");
            if (s.InstrumentOverrides.FindIndex(x => x.Instrument == o.Instrument) is var first && first < i)
                Problem($"/instrument-overrides/{i}/instrument", $"{o.Instrument} is overridden twice (first at instrument-overrides {first + 1})", "put all its changes in one override");
        }
        return _problems;
    }

    /// <summary>
    /// Each wanted use names an item and exactly one of another incident of the item's investigating state (in) or
    /// another state (to), at a time within the exercise.
    /// </summary>
    private void Uses(HashSet<string> states, HashSet<string> incidents, HashSet<string> evidence, Action<string?, string, string> withinHorizon)
    {
        Ids(s.Uses.Select(u => u.Id), "/uses", "use");
        var incidentOfItem = s.Leads.SelectMany(l => l.Evidence.Select(e => (e.Id, l.Incident))).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Incident);
        for (var u = 0; u < s.Uses.Count; u++)
        {
            var use = s.Uses[u];
            var at = $"/uses/{u}";
            withinHorizon(use.At, $"{at}/at", "the use");
            if (string.IsNullOrWhiteSpace(use.Note)) Problem($"{at}/note", "say who wants the item and why: the investigating state is told");
            if (!evidence.Contains(use.Evidence))
            {
                Ref(evidence, use.Evidence, $"{at}/evidence", "evidence item");
                continue;
            }
            if ((use.In is null) == (use.To is null))
            {
                Problem(at, "a use names in (another incident of the same state) or to (another state), one of the two");
                continue;
            }
            var purpose = s.Incidents.FirstOrDefault(i => i.Id == incidentOfItem.GetValueOrDefault(use.Evidence));
            if (purpose is null) continue;
            if (use.In is not null)
            {
                if (!incidents.Contains(use.In)) Ref(incidents, use.In, $"{at}/in", "incident");
                else if (use.In == purpose.Id) Problem($"{at}/in", $"{use.Evidence} belongs to {use.In}: using it there is its purpose, not another use", "name another incident");
                else if (s.Incidents.First(i => i.Id == use.In).Investigating != purpose.Investigating)
                    Problem($"{at}/in", $"{use.In} is investigated by {s.Incidents.First(i => i.Id == use.In).Investigating}, not by {purpose.Investigating}, which holds {use.Evidence}", "for another state, write to: STATE");
            }
            else if (!states.Contains(use.To!)) Ref(states, use.To!, $"{at}/to", "state");
            else if (use.To == purpose.Investigating) Problem($"{at}/to", $"{use.To} investigates {purpose.Id}, to which {use.Evidence} belongs: it is not another state", "name another state, or use in for another of its incidents");
        }
    }

    private void Jurisdiction(JurisdictionFile j, string at, HashSet<string> states)
    {
        for (var k = 0; k < j.Frameworks.Count; k++)
            if (!catalogue.HasFramework(j.Frameworks[k]))
                Problem($"{at}/frameworks/{k}", $"unknown framework '{j.Frameworks[k]}'", Suggest(j.Frameworks[k], catalogue.Frameworks.Select(f => f.Id)) ?? $"frameworks: {string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}");
        for (var k = 0; k < j.Agreements.Count; k++)
        {
            Ref(states, j.Agreements[k].With, $"{at}/agreements/{k}/with", "state");
            if (j.Agreements[k].With == j.Id) Problem($"{at}/agreements/{k}/with", "a state cannot have an agreement with itself");
        }
        for (var k = 0; k < j.SensitiveTowards.Count; k++) Ref(states, j.SensitiveTowards[k], $"{at}/sensitive-towards/{k}", "state");
        for (var k = 0; k < j.RestrictsMeasures.Count; k++)
            if (j.RestrictsMeasures[k].MinimumYears is null && j.RestrictsMeasures[k].Conducts is null)
                Problem($"{at}/restricts-measures/{k}", "a restricted measure names the offences its law allows it for: minimum-years, conducts or both", "e.g. minimum-years: 4");
        if (!TimeSpan.TryParse(j.UtcOffset.TrimStart('+'), CultureInfo.InvariantCulture, out _))
            Problem($"{at}/utc-offset", $"'{j.UtcOffset}' is not a UTC offset", "e.g. +01:00");
        var hours = j.Calendar.Hours.Split('-');
        if (hours.Length != 2 || !TimeSpan.TryParse(hours[0], CultureInfo.InvariantCulture, out var open) || !TimeSpan.TryParse(hours[1], CultureInfo.InvariantCulture, out var close) || open >= close)
            Problem($"{at}/calendar/hours", $"'{j.Calendar.Hours}' is not an opening time before a closing time", "e.g. 08:00-18:00");
        for (var k = 0; k < j.Calendar.Holidays.Count; k++)
            if (!DateOnly.TryParseExact(j.Calendar.Holidays[k], "yyyy-MM-dd", out _))
                Problem($"{at}/calendar/holidays/{k}", $"'{j.Calendar.Holidays[k]}' is not a date (YYYY-MM-DD)");
        if (LongestClosure(j.Calendar) is { Days: > MaxClosureDays } closure)
            Problem($"{at}/calendar/holidays", $"the office is closed for {closure.Days} days in a row from {closure.From:yyyy-MM-dd}: a period counted in its working days could not end",
                $"at most {MaxClosureDays} days without a working day");
        Range(j.CentralAuthority.QueueWait, $"{at}/central-authority/queue-wait");
    }

    /// <summary>Longer than any real run of holidays and weekends; bounds how far a legal period is carried forward.</summary>
    private const int MaxClosureDays = 31;

    /// <summary>The longest run of days the calendar's holidays and days off leave without a working day (whole runs only around holidays: weekends alone are short).</summary>
    private static (DateOnly From, int Days)? LongestClosure(CalendarFile calendar)
    {
        var working = calendar.WorkingDays.Where(WorldBuilder.Days.ContainsKey).Select(d => WorldBuilder.Days[d]).ToHashSet();
        var holidays = calendar.Holidays.Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().ToHashSet();
        if (working.Count == 0 || holidays.Count == 0) return null;
        bool Closed(DateOnly day) => !working.Contains(day.DayOfWeek) || holidays.Contains(day);
        (DateOnly From, int Days)? longest = null;
        foreach (var holiday in holidays.Order())
        {
            if (Closed(holiday.AddDays(-1)) && holidays.Contains(holiday.AddDays(-1))) continue; // inside a run already measured
            var from = holiday;
            while (Closed(from.AddDays(-1)) && holiday.DayNumber - from.DayNumber < 7) from = from.AddDays(-1);
            var days = 0;
            for (var day = from; Closed(day) && days <= MaxClosureDays + holidays.Count; day = day.AddDays(1)) days++;
            if (longest is null || days > longest.Value.Days) longest = (from, days);
        }
        return longest;
    }

    private void Provider(ProviderFile p, string at, HashSet<string> states)
    {
        Ref(states, p.Headquarters, $"{at}/headquarters", "state");
        for (var k = 0; k < p.StorageIn.Count; k++) Ref(states, p.StorageIn[k], $"{at}/storage-in/{k}", "state");
        for (var k = 0; k < p.OffersServicesIn.Count; k++) Ref(states, p.OffersServicesIn[k], $"{at}/offers-services-in/{k}", "state");
        if (p.LegalRepresentativeIn is not null) Ref(states, p.LegalRepresentativeIn, $"{at}/legal-representative-in", "state");
        Range(p.ResponseTime, $"{at}/response-time");
        Range(p.PreservationTime, $"{at}/preservation-time");
        Range(p.EmergencyResponseTime, $"{at}/emergency-response-time");
    }

    private void Evidence(EvidenceFile item, string at, HashSet<string> providers, HashSet<string> states, HashSet<string> leads, string lead)
    {
        if (!Ref(providers, item.Holder, $"{at}/holder", "provider")) return;
        var holder = s.Providers.First(p => p.Id == item.Holder);
        if (item.StoredIn is not null && Ref(states, item.StoredIn, $"{at}/stored-in", "state")
            && item.StoredIn != holder.Headquarters && !holder.StorageIn.Contains(item.StoredIn))
            Problem($"{at}/stored-in", $"{item.Holder} does not store data in {item.StoredIn}", $"add {item.StoredIn} to the provider's storage-in, or use one of {string.Join(", ", holder.StorageIn.Append(holder.Headquarters).Distinct())}");
        if (item.Retention is null && !holder.Retention.ContainsKey(item.Category))
            Problem($"{at}/category", $"{item.Holder} states no retention for {item.Category} data, so {item.Id} would never expire", $"add retention: to this item, or {item.Category}: to the provider's retention");
        for (var k = 0; k < item.Reveals.Count; k++)
        {
            Ref(leads, item.Reveals[k], $"{at}/reveals/{k}", "lead");
            if (item.Reveals[k] == lead) Problem($"{at}/reveals/{k}", $"{item.Id} reveals its own lead '{lead}'");
        }
    }

    private void Range(string text, string at)
    {
        if (!DurationRange.TryParse(text, out _))
            Problem(at, $"'{text}' is not a valid range", "min..max or min..max~mode, with min <= mode <= max");
    }

    private HashSet<string> Ids(IEnumerable<string> ids, string at, string what)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!set.Add(id)) Problem($"{at}/{i}/id", $"{what} id '{id}' is used twice");
            i++;
        }
        return set;
    }

    private bool Ref(HashSet<string> known, string id, string at, string what)
    {
        if (known.Contains(id)) return true;
        Problem(at, $"unknown {what} '{id}'", Suggest(id, known) ?? (known.Count > 0 ? $"{what}s defined here: {string.Join(", ", known.Order(StringComparer.Ordinal))}" : $"no {what} is defined"));
        return false;
    }

    private static string? Suggest(string id, IEnumerable<string> known) =>
        Schema.SchemaCheck.Closest(id, known) is { } c ? $"did you mean '{c}'?" : null;

    private void Problem(string pointer, string message, string? hint = null) => _problems.Add(map.At(pointer, message, hint));
}
