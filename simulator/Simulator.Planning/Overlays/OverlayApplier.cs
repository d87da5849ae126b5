using System.Text.Json;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Scenarios;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Scenarios.Yaml;

namespace Simulator.Planning.Overlays;

/// <summary>
/// Applies an overlay to a scenario: every reference is checked against the scenario first (positioned in the
/// overlay file), then the changes are made on a copy, which must still pass the scenario's checks. The original
/// scenario is never touched, and an overlay with any problem applies nothing.
/// </summary>
public static class OverlayApplier
{
    public static AppliedOverlay Apply(LoadedOverlay overlay, LoadedScenario scenario, InstrumentCatalogue catalogue)
    {
        var copy = JsonSerializer.SerializeToNode(scenario.File, FileJson.Options)!.Deserialize<ScenarioFile>(FileJson.Options)!;
        var work = new Work(overlay, copy, catalogue);
        if (overlay.File.Scenario is { } intended && intended != copy.Scenario)
            work.Problem("/scenario", $"this overlay is written for scenario '{intended}', not '{copy.Scenario}'");
        for (var i = 0; i < overlay.File.Changes.Count; i++)
            work.Apply(overlay.Kinds[i], overlay.File.Changes[i], $"/changes/{i}");
        if (work.Problems.Count > 0) throw new FileProblemsException(work.Problems);

        // The changed scenario must hold together as any scenario file does (the overlay's checks should make this hold).
        var again = new ScenarioValidator(copy, new SourceMap(scenario.Path), catalogue).Validate();
        if (again.Count > 0)
            throw new FileProblemsException(again.Select(d => new Diagnostic(overlay.Path, 1, 1, $"with this overlay applied, {scenario.Path} no longer holds: {d.Message}", d.Hint)).ToList());
        // As for a scenario file, each objective is checked against the world the overlay makes. An objective the change
        // makes impossible (a state leaving the treaty that reached the evidence) is what a planner asks about, so it is
        // a warning to show beside the figures, not a refusal; a scenario file with one is refused as a mistake.
        var changed = new LoadedScenario(scenario.Path, copy);
        var built = WorldBuilder.Build(changed, catalogue, seed: 1);
        var unreachable = ObjectiveReachability.Check(built.World, built.Catalogue, new SourceMap(scenario.Path));
        var warnings = unreachable.Select(d => new Diagnostic(overlay.Path, 1, 1, $"with this overlay applied, {d.Message}: every run rates it unable to perform", null)).ToList();
        return new AppliedOverlay(overlay.File.Overlay, overlay.File.Title, overlay.File.Description, changed, work.Applied, warnings);
    }

    private sealed class Work(LoadedOverlay overlay, ScenarioFile s, InstrumentCatalogue catalogue)
    {
        public List<Diagnostic> Problems { get; } = [];
        public List<AppliedChange> Applied { get; } = [];

        public void Problem(string pointer, string message, string? hint = null) => Problems.Add(overlay.Map.At(pointer, message, hint));

        public void Apply(string kind, OverlayChangeFile c, string at)
        {
            switch (kind)
            {
                case "join" or "leave":
                    var framework = kind == "join" ? c.Join! : c.Leave!;
                    if (!catalogue.HasFramework(framework))
                    {
                        Problem($"{at}/{kind}", $"unknown framework '{framework}'", $"frameworks: {string.Join(", ", catalogue.Frameworks.Select(f => f.Id))}");
                        return;
                    }
                    foreach (var (state, k) in States(c.States!, $"{at}/states"))
                    {
                        var before = List(state.Frameworks);
                        if (kind == "join" && !state.Frameworks.Contains(framework)) state.Frameworks.Add(framework);
                        if (kind == "leave") state.Frameworks.Remove(framework);
                        Record(kind, $"{state.Id} {(kind == "join" ? "joins" : "leaves")} {framework}", before, List(state.Frameworks), c.Why);
                    }
                    return;
                case "agreement":
                    var pair = States(c.Between!, $"{at}/between").Select(x => x.State).ToList();
                    if (pair.Count < 2) return;
                    foreach (var (one, other) in new[] { (pair[0], pair[1]), (pair[1], pair[0]) })
                    {
                        var before = Agreements(one);
                        if (!one.Agreements.Any(a => a.With == other.Id && a.Kind == c.Agreement))
                            one.Agreements.Add(new AgreementFile { With = other.Id, Kind = c.Agreement!, Source = c.Source ?? $"what-if overlay {overlay.File.Overlay}" });
                        Record(kind, $"{one.Id} and {other.Id} conclude a {c.Agreement} agreement", before, Agreements(one), c.Why);
                    }
                    return;
                case "retention":
                    if (Provider(c.Provider!, $"{at}/provider") is not { } holder) return;
                    foreach (var category in c.Categories!)
                    {
                        var held = s.Leads.SelectMany(l => l.Evidence).Where(e => e.Holder == holder.Id && e.Category == category).ToList();
                        if (!holder.Retention.TryGetValue(category, out var before) && held.Count == 0)
                        {
                            Problem($"{at}/categories", $"{holder.Id} holds no {category} data in this scenario", $"it keeps: {string.Join(", ", holder.Retention.Keys)}");
                            continue;
                        }
                        holder.Retention[category] = c.Retention!;
                        // The provider's practice now governs every item it holds in the category, including items that set their own.
                        foreach (var item in held.Where(e => e.Retention is not null)) item.Retention = c.Retention;
                        Record(kind, $"{holder.Id} keeps {category} data {c.Retention}", before ?? "not kept", c.Retention!, c.Why);
                    }
                    return;
                case "central-authority":
                    if (State(c.CentralAuthority!, $"{at}/central-authority") is not { } ca) return;
                    var caBefore = $"{ca.CentralAuthority.Officers} officers, queue {ca.CentralAuthority.QueueWait}";
                    if (c.Officers is { } officers) ca.CentralAuthority.Officers = officers;
                    if (c.QueueWait is { } wait) ca.CentralAuthority.QueueWait = wait;
                    Record(kind, $"{ca.Id}'s central authority", caBefore, $"{ca.CentralAuthority.Officers} officers, queue {ca.CentralAuthority.QueueWait}", c.Why);
                    return;
                case "contact-point":
                    if (State(c.ContactPoint!, $"{at}/contact-point") is not { } cp) return;
                    var cpBefore = $"{cp.ContactPoint.Staffing}, {cp.ContactPoint.Officers} officers";
                    if (c.Staffing is { } staffing) cp.ContactPoint.Staffing = staffing;
                    if (c.Officers is { } cpOfficers) cp.ContactPoint.Officers = cpOfficers;
                    Record(kind, $"{cp.Id}'s 24/7 contact point", cpBefore, $"{cp.ContactPoint.Staffing}, {cp.ContactPoint.Officers} officers", c.Why);
                    return;
                case "capability":
                    foreach (var (state, _) in States(c.States!, $"{at}/states"))
                    {
                        var before = state.Capability;
                        state.Capability = c.Capability!;
                        Record(kind, $"{state.Id}'s capability", before, state.Capability, c.Why);
                    }
                    return;
                case "instrument":
                    if (!catalogue.TryGet(c.Instrument!, out var instrument))
                    {
                        Problem($"{at}/instrument", $"unknown instrument '{c.Instrument}'", $"instruments: {string.Join(", ", catalogue.Instruments.Select(x => x.Id))}");
                        return;
                    }
                    if (c.PreservationPeriod is not null && instrument.Preservation is null)
                        Problem($"{at}/preservation-period", $"{instrument.Id} preserves nothing: it has no preservation period");
                    var existing = s.InstrumentOverrides.FirstOrDefault(o => o.Instrument == instrument.Id);
                    var over = existing ?? new OverrideFile { Instrument = instrument.Id };
                    var oBefore = Figures(over);
                    over.ResponseDeadline = c.ResponseDeadline ?? over.ResponseDeadline;
                    over.EmergencyDeadline = c.EmergencyDeadline ?? over.EmergencyDeadline;
                    over.PreservationPeriod = c.PreservationPeriod ?? over.PreservationPeriod;
                    over.PreservationExtension = c.PreservationExtension ?? over.PreservationExtension;
                    over.Review = c.Review ?? over.Review;
                    if (existing is null) s.InstrumentOverrides.Add(over);
                    Record(kind, $"{instrument.Id}'s figures", oBefore.Length == 0 ? "as in the catalogue" : oBefore, Figures(over), c.Why);
                    return;
                case "provider":
                    if (Provider(c.Provider!, $"{at}/provider") is not { } p) return;
                    var pBefore = Handling(p);
                    p.Capacity = c.Capacity ?? p.Capacity;
                    p.ResponseTime = c.ResponseTime ?? p.ResponseTime;
                    p.PreservationTime = c.PreservationTime ?? p.PreservationTime;
                    p.Policy.VoluntaryPreservation = c.VoluntaryPreservation ?? p.Policy.VoluntaryPreservation;
                    p.Policy.EmergencyDisclosureRate = c.EmergencyDisclosureRate ?? p.Policy.EmergencyDisclosureRate;
                    p.Policy.ForeignOrderComplianceRate = c.ForeignOrderComplianceRate ?? p.Policy.ForeignOrderComplianceRate;
                    Record(kind, $"{p.Id}'s handling", pBefore, Handling(p), c.Why);
                    return;
            }
        }

        private void Record(string kind, string change, string before, string after, string? why) => Applied.Add(new AppliedChange(kind, change, before, after, why));

        private JurisdictionFile? State(string id, string at)
        {
            var state = s.Jurisdictions.FirstOrDefault(j => j.Id == id);
            if (state is null) Problem(at, $"no state '{id}' in scenario {s.Scenario}", $"states: {string.Join(", ", s.Jurisdictions.Select(j => j.Id))}");
            return state;
        }

        private IEnumerable<(JurisdictionFile State, int Index)> States(IReadOnlyList<string> ids, string at)
        {
            var found = new List<(JurisdictionFile, int)>();
            for (var k = 0; k < ids.Count; k++)
                if (State(ids[k], $"{at}/{k}") is { } state) found.Add((state, k));
            return found;
        }

        private ProviderFile? Provider(string id, string at)
        {
            var provider = s.Providers.FirstOrDefault(p => p.Id == id);
            if (provider is null) Problem(at, $"no provider '{id}' in scenario {s.Scenario}", $"providers: {string.Join(", ", s.Providers.Select(p => p.Id))}");
            return provider;
        }

        private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";
        private static string Agreements(JurisdictionFile j) => List(j.Agreements.Select(a => $"{a.Kind} with {a.With}"));

        private static string Figures(OverrideFile o) => string.Join(", ", new[]
        {
            o.ResponseDeadline is null ? null : $"response deadline {o.ResponseDeadline}",
            o.EmergencyDeadline is null ? null : $"emergency deadline {o.EmergencyDeadline}",
            o.PreservationPeriod is null ? null : $"preservation {o.PreservationPeriod}",
            o.PreservationExtension is null ? null : $"extension {o.PreservationExtension}",
            o.Review is null ? null : $"review {o.Review}",
        }.Where(x => x is not null));

        private static string Handling(ProviderFile p) =>
            $"capacity {p.Capacity}, response {p.ResponseTime}, preservation {p.PreservationTime}, voluntary preservation {(p.Policy.VoluntaryPreservation ? "yes" : "no")}, " +
            $"emergency disclosure {p.Policy.EmergencyDisclosureRate:0.##}, foreign orders {p.Policy.ForeignOrderComplianceRate:0.##}";
    }
}
