using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>Turns the state of a run into its outcome. Times to preservation and to evidence run from the incident's discovery.</summary>
internal static class OutcomeBuilder
{
    public static SimulationOutcome Build(Simulation s)
    {
        var world = s.World;
        var verdicts = Admissibility.Trial.Examine(s).ToDictionary(v => v.Evidence);
        var evidence = world.Evidence.Select(item =>
        {
            var st = s.Evidence(item.Id);
            var discovered = world.IncidentOf(item).DiscoveredAt;
            var covering = s.Requests.Where(r => r.Items.Any(i => i.Id == item.Id)).ToList();
            var refused = covering.Where(r => r.State == RequestState.Refused).ToList();
            var open = covering.Where(r => !r.Lifecycle.IsClosed).ToList();
            var (status, reason, stage, ground) = st switch
            {
                { Status: EvidenceStatus.Secured } => ("secured", $"delivered through {st.SecuredBy} ({s.Request(st.SecuredBy!)!.Instrument.Id})", (string?)null, (string?)null),
                { Status: EvidenceStatus.Lost } => ("lost", st.LostReason!, st.LostStage, refused.FirstOrDefault()?.RefusalGround),
                _ when st.IsHeld => ("preserved", Held(st, item.Holder) + "; production " + (open.Any(r => r.IsProduction) ? $"pending ({string.Join(", ", open.Where(r => r.IsProduction).Select(r => $"{r.Id} {Names.Kebab(r.State)}"))})" : "not requested"), null, null),
                _ when refused.Count > 0 && open.Count == 0 => ("refused", $"{refused[0].Id} ({refused[0].Instrument.Id}) refused by {refused[0].RefusedBy}", null, refused[0].RefusalGround),
                _ when st.NothingFound && open.Count == 0 => ("not-found", "the holder found no responsive records", null, null),
                _ when open.Count > 0 => ("pending", $"{string.Join(", ", open.Select(r => $"{r.Id} ({r.Instrument.Id}) {Names.Kebab(r.State)}"))}", null, null),
                _ when !st.Discovered => ("pending", "its lead was never discovered", null, null),
                _ => ("pending", "no request covers it", null, null),
            };
            var verdict = verdicts.GetValueOrDefault(item.Id);
            return new EvidenceOutcome(item.Id, item.Lead, item.Holder, item.StoredIn, item.Category, status, reason, stage, ground,
                st.FirstPreservedAt - discovered, st.SecuredAt - discovered, st.SecuredBy, item.ExpiresAt,
                verdict is null ? null : Names.Kebab(verdict.Verdict), verdict is { Findings.Count: > 0 } ? verdict.Reason : null);
        }).ToList();

        var leadTimes = s.Journal.Entries.Where(e => e.Event is LeadDiscovered).ToDictionary(e => ((LeadDiscovered)e.Event).Lead, e => e.At);
        var leads = world.Leads.Select(l =>
        {
            var items = evidence.Where(e => e.Lead == l.Id).ToList();
            return new LeadOutcome(l.Id, l.Title, leadTimes.TryGetValue(l.Id, out var at) ? at : null, items.Count, items.Count(i => i.Status == "secured"), items.Count(i => i.Status == "lost"));
        }).ToList();

        var requests = s.Requests.Select(r => new RequestOutcome(
            r.Id, r.Instrument.Id, r.IssuerSeat, r.RequestedState, r.Provider.Id, r.Items.Select(i => i.Id).ToList(), r.Emergency,
            Names.Kebab(r.State), r.SentAt, r.ClosedAt, r.ClosedAt - r.SentAt, r.RefusalGround, r.RefusalSource, r.Deadline,
            r.Deadline is null ? null : Names.Kebab(r.Escalation.State),
            r.Lifecycle.Clarifications, r.Lifecycle.Escalations,
            r.Stages.Select(st => new StageTime(Names.Kebab(st.State), st.Authority, (st.To ?? s.Now) - st.From)).ToList(),
            r.ProviderCase is null ? null : Names.Kebab(r.ProviderCase.State),
            r.ProviderCase?.State is ProviderState.Disclosed or ProviderState.NothingFound ? r.Provider.CostPerRequest : 0m,
            r.Urgent, r.AssessmentAsked.OverBroad, r.Narrowed, r.Minimise,
            CostBearer(world, r), r.Enforcement is null ? null : Names.Kebab(r.Enforcement.State), r.PenaltyCeiling, r.InDefault,
            r.Conditions.Count == 0 ? null : [.. r.Conditions.Select(c => c.Use)])).ToList();

        var byStage = requests.SelectMany(r => r.Stages.Select(st => (r.Request, st)))
            .GroupBy(x => (x.st.Stage, x.st.Authority))
            .Select(g => new WaitingTime(g.Key.Stage, g.Key.Authority, TimeSpan.FromTicks(g.Sum(x => x.st.Duration.Ticks)), g.Select(x => x.Request).Distinct().Count()))
            .OrderByDescending(w => w.Total).ThenBy(w => w.Stage, StringComparer.Ordinal).ThenBy(w => w.Authority, StringComparer.Ordinal).ToList();

        var ratings = s.Journal.Entries.Select(e => e.Event).OfType<ObjectiveRated>().ToDictionary(r => r.Objective);
        var objectives = world.Objectives.Select(o => ratings.TryGetValue(o.Id, out var r)
            ? new ObjectiveOutcome(o.Id, o.Capability, o.Task, r.Rating, r.Evidence)
            : new ObjectiveOutcome(o.Id, o.Capability, o.Task, "not-rated-yet", "the exercise has not ended")).ToList();

        var summary = new OutcomeSummary(
            evidence.Count,
            evidence.Count(e => e.Status == "secured"),
            evidence.Count(e => e.Status == "preserved"),
            evidence.Count(e => e.Status == "lost"),
            evidence.Count(e => e.Status == "refused"),
            evidence.Count(e => e.Status == "not-found"),
            evidence.Count(e => e.Status == "pending"),
            requests.Count,
            Median(evidence.Select(e => e.TimeToPreservation)),
            Median(evidence.Select(e => e.TimeToEvidence)),
            requests.Sum(r => r.Cost),
            verdicts.Values.Count(v => v.Verdict == Verdict.Admissible));

        return new SimulationOutcome(world.ScenarioId, s.Options.Seed, s.Options.Policy.Name, world.Start, s.Now, summary,
            evidence, leads, requests, byStage, objectives, s.Journal.Entries.Count, s.Journal.LastHash, s.PolicyRejections, Rights(s, verdicts.Values));
    }

    /// <summary>The rights figures: each secured item counts the records the request that secured it brought.</summary>
    private static RightsSummary Rights(Simulation s, IEnumerable<Admissibility.ItemVerdict> verdicts)
    {
        var obtained = s.World.Evidence.Select(i => s.Evidence(i.Id)).Where(st => st.Status == EvidenceStatus.Secured && st.SecuredBy is not null)
            .Select(st => s.Request(st.SecuredBy!)!.Assessment.For(st.Item.Id)).ToList();
        var sent = s.Requests.Where(r => r.SentAt is not null).ToList();
        return new RightsSummary(sent.Count(r => r.AssessmentAsked.OverBroad), sent.Count(r => r.Narrowed),
            obtained.Sum(o => o.Records), obtained.Sum(o => o.BeyondNeed), obtained.Sum(o => o.ThirdParty),
            verdicts.Count(v => v.Verdict == Verdict.AdmissibleUnderChallenge), verdicts.Count(v => v.Verdict == Verdict.Excluded),
            (int)Math.Min(int.MaxValue, sent.Sum(r => (long)r.RecordsRedacted)),
            s.Requests.Count(r => r.EmergencyClaimHeld is not null), s.Requests.Count(r => r.EmergencyClaimHeld == false),
            s.Requests.Count(r => r.LapsedWithEmergency),
            s.Requests.Count(r => r.ValidationDueBy is not null && r.ValidationSettled && !r.Validated),
            s.Uses.Count, s.Uses.Count(u => u.Consent is not null), s.Consents.Count(c => c.State == Procedures.ConsentState.Refused),
            s.Uses.Count(u => u.Violation), Admissibility.Trial.ExamineUses(s).Count(v => v.Verdict != Verdict.Admissible),
            s.Requests.Count(r => r.InDefault), s.Requests.Count(r => r.Enforcement is not null),
            s.Requests.Count(r => r.Enforcement?.State == Procedures.EnforcementState.NotRecognised),
            s.Requests.Count(r => r.PenaltyImposed),
            s.Requests.Count(r => r.Informing is not null), s.Requests.Count(r => r.Informing?.State == Procedures.InformingState.Informed),
            s.Requests.Count(r => r.Informing?.State == Procedures.InformingState.Delayed), s.Requests.Count(r => r.Informing?.State == Procedures.InformingState.Due));
    }

    /// <summary>
    /// Who bears what the provider charged for a request whose instrument says (REG Art. 14): the issuing state where its
    /// law reimburses providers, else the provider; null where the instrument says nothing or nothing was charged.
    /// </summary>
    private static string? CostBearer(World.ScenarioWorld world, RequestRecord r) =>
        r.Instrument.Costs is null || !(r.ProviderCase?.State is ProviderState.Disclosed or ProviderState.NothingFound) || r.Provider.CostPerRequest == 0 ? null
        : world.Jurisdiction(r.Issuer).ReimbursesProviders is not null ? "issuing-state" : "provider";

    private static string Held(EvidenceState st, string holder)
    {
        var holding = st.Preservations.Where(p => p.Lifecycle.Holds).ToList();
        var converted = holding.FirstOrDefault(p => p.Lifecycle.State == PreservationState.Converted);
        return converted is not null
            ? $"frozen at {holder} while production is pending ({converted.Terms.ContinuationSource})"
            : $"frozen at {holder} until {JournalJson.Instant(holding.Max(p => p.Until!.Value))}";
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (list.Count == 0) return null;
        return list.Count % 2 == 1 ? list[list.Count / 2] : (list[list.Count / 2 - 1] + list[list.Count / 2]) / 2;
    }
}
