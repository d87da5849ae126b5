using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Objectives;
using Simulator.Core.Rules;
using Simulator.Core.World;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Scenario;

/// <summary>
/// Checks, on the built world, that every objective can be met at all: its evidence can become known before its
/// holder deletes it, its deadline does not fall before anyone can know of the evidence, and some instrument of the
/// catalogue reaches the evidence from the investigating state. An objective that no team could meet rates every
/// team "unable to perform" and teaches nothing, so it is a mistake in the scenario, reported like any other.
/// </summary>
public static class ObjectiveReachability
{
    public static IReadOnlyList<Diagnostic> Check(ScenarioWorld world, InstrumentCatalogue catalogue, SourceMap map)
    {
        var problems = new List<Diagnostic>();
        var earliest = EarliestDiscovery(world);
        var rules = new RequestRules(world, catalogue);
        for (var i = 0; i < world.Objectives.Count; i++)
        {
            var o = world.Objectives[i];
            var at = $"/objectives/{i}/measure";
            var m = o.Measure;
            switch (m.Kind)
            {
                case MeasureKind.PreservationRequested or MeasureKind.EvidencePreserved or MeasureKind.EvidenceSecured when m.Evidence is not null:
                    var item = world.Item(m.Evidence);
                    var known = earliest.GetValueOrDefault(item.Lead);
                    if (known is null) break; // a lead that can never be discovered is reported by the validator
                    if (known >= item.ExpiresAt)
                        problems.Add(map.At($"{at}/evidence", $"objective '{o.Id}' cannot be met: {item.Id} is deleted on {Day(world, item.ExpiresAt)}, before its lead '{item.Lead}' can be known (from {Day(world, known.Value)})",
                            "reveal the lead earlier (known-at or an inject's reveals), or give the item a longer retention"));
                    else if (m.By is { } by && world.Start + by < known)
                        problems.Add(map.At($"{at}/by", $"objective '{o.Id}' cannot be met on time: it is due on {Day(world, world.Start + by)}, but {item.Id} can be known only from {Day(world, known.Value)}",
                            $"make 'by' at least {DurationText.Format(known.Value - world.Start)}"));
                    var purpose = m.Kind == MeasureKind.EvidenceSecured ? InstrumentPurpose.Production : InstrumentPurpose.Preservation;
                    if (!Reachable(rules, catalogue, world, item, i => i.Purpose == purpose))
                        problems.Add(map.At($"{at}/evidence", $"objective '{o.Id}' cannot be met: no {Names.Kebab(purpose)} instrument reaches {item.Id} ({item.Holder}, stored in {item.StoredIn}) from {world.IncidentOf(item).Investigating}",
                            "check both states' frameworks and agreements, the provider's storage and legal representative, or choose another item"));
                    break;
                case MeasureKind.InstrumentUsed when m.Instrument is not null && catalogue.TryGet(m.Instrument, out var instrument):
                    var items = world.Evidence.Where(e => m.Incident is null || world.IncidentOf(e).Id == m.Incident).ToList();
                    if (!items.Any(e => Reachable(rules, catalogue, world, e, x => x.Id == instrument.Id)))
                    {
                        var why = items.Count == 0 ? "there is no evidence" : FirstProblem(rules, world, instrument, items[0]);
                        problems.Add(map.At($"{at}/instrument", $"objective '{o.Id}' cannot be met: {instrument.Id} cannot apply between the investigating state and any holder of this scenario's evidence ({why})",
                            "check the states' frameworks and agreements, or measure another instrument"));
                    }
                    break;
            }
        }
        return problems;
    }

    /// <summary>The earliest a lead can become known: its known-at, an inject that reveals it, or evidence that reveals it.</summary>
    private static Dictionary<string, DateTimeOffset?> EarliestDiscovery(ScenarioWorld world)
    {
        var earliest = world.Leads.ToDictionary(l => l.Id, l => l.KnownAt);
        void Offer(string lead, DateTimeOffset at)
        {
            if (earliest.TryGetValue(lead, out var now) && (now is null || at < now)) earliest[lead] = at;
        }
        foreach (var inject in world.Injects)
            foreach (var lead in inject.Effects.RevealsLeads) Offer(lead, inject.At);
        // Evidence that reveals a lead (a path disclosed, Art. 30) can do so no earlier than its own lead is known.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var item in world.Evidence)
                if (earliest[item.Lead] is { } from)
                    foreach (var lead in item.Reveals)
                        if (earliest.TryGetValue(lead, out var now) && (now is null || from < now)) { earliest[lead] = from; changed = true; }
        }
        return earliest;
    }

    private static bool Reachable(RequestRules rules, InstrumentCatalogue catalogue, ScenarioWorld world, EvidenceItem item, Func<Instrument, bool> which)
    {
        var issuer = world.IncidentOf(item).Investigating;
        foreach (var instrument in catalogue.Instruments.Where(which))
            foreach (var emergency in new[] { false, true })
                foreach (var role in instrument.IssuersFor(item.Category))
                    if (rules.Check(new RequestDraft(instrument.Id, issuer, role, [item.Id], emergency), detailed: false).CanSend) return true;
        return false;
    }

    private static string FirstProblem(RequestRules rules, ScenarioWorld world, Instrument instrument, EvidenceItem item)
    {
        var role = instrument.IssuersFor(item.Category).FirstOrDefault(AuthorityRole.Prosecutor);
        return rules.Check(new RequestDraft(instrument.Id, world.IncidentOf(item).Investigating, role, [item.Id], false)).Problems.FirstOrDefault()
            ?? "it applies only with conditions this world never meets";
    }

    /// <summary>"day 3, 2026-09-09T06:00:00Z": day 1 is the first day, as the console counts.</summary>
    private static string Day(ScenarioWorld world, DateTimeOffset t) => $"day {(int)(t - world.Start).TotalDays + 1}, {Core.Journal.JournalJson.Instant(t)}";
}
