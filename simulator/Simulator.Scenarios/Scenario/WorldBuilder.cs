using System.Globalization;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Objectives;
using Simulator.Core.World;
using Simulator.Scenarios.Synthetic;

namespace Simulator.Scenarios.Scenario;

/// <summary>A scenario made ready to run: its world for one seed, and the catalogue with the scenario's overrides applied.</summary>
public sealed record BuiltScenario(ScenarioWorld World, InstrumentCatalogue Catalogue);

/// <summary>
/// Turns a checked scenario file into the core's world for one seed: relative times become instants,
/// defaults are filled in, and every evidence item gets its synthetic content.
/// </summary>
public static class WorldBuilder
{
    internal static readonly Dictionary<string, DayOfWeek> Days = new()
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static BuiltScenario Build(LoadedScenario scenario, InstrumentCatalogue catalogue, long seed)
    {
        var s = scenario.File;
        var start = DateTimeOffset.Parse(s.Start, CultureInfo.InvariantCulture).ToUniversalTime();
        var jurisdictions = s.Jurisdictions.Select(j =>
        {
            var offset = TimeSpan.Parse(j.UtcOffset.TrimStart('+'), CultureInfo.InvariantCulture);
            var hours = j.Calendar.Hours.Split('-');
            var calendar = new WorkingCalendar(offset, j.Calendar.WorkingDays.Select(d => Days[d]).ToHashSet(),
                TimeSpan.Parse(hours[0], CultureInfo.InvariantCulture), TimeSpan.Parse(hours[1], CultureInfo.InvariantCulture),
                j.Calendar.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet(), j.Calendar.CountsWorkingDays);
            return new Jurisdiction(j.Id, j.Name, calendar, j.Frameworks.ToHashSet(),
                j.Agreements.Select(a => new Agreement(a.With, a.Kind, a.Source)).ToList(),
                j.Reservations.ToHashSet(), j.Criminalises.ToHashSet(), j.PoliticalOffences.ToHashSet(), j.SensitiveTowards.ToHashSet(),
                Names.Parse<Capability>(j.Capability),
                new ContactPointOffice(Names.Parse<Staffing>(j.ContactPoint.Staffing), j.ContactPoint.Officers),
                new CentralAuthorityOffice(j.CentralAuthority.Officers, DurationRange.Parse(j.CentralAuthority.QueueWait)),
                j.ReachesDataAbroad, j.DualCriminalityFor?.Select(Names.Parse<DataCategory>).ToHashSet(),
                j.DisclosureBars.Count == 0 ? null : j.DisclosureBars.Select(b => new DisclosureBar(b.Categories.Select(Names.Parse<DataCategory>).ToHashSet(), b.Source, b.LiftedByAgreement, b.LiftSource)).ToList(),
                j.Admissibility is { Count: > 0 } own ? own.ToDictionary(a => Names.Parse<TrialCondition>(a.Key), a => Names.Parse<Verdict>(a.Value)) : null,
                string.IsNullOrWhiteSpace(j.RefusesOverBroad) ? null : j.RefusesOverBroad.Trim(),
                string.IsNullOrWhiteSpace(j.ReimbursesProviders) ? null : j.ReimbursesProviders.Trim(),
                j.AttachesConditions.Count == 0 ? null : j.AttachesConditions.Select(Names.Parse<UseKind>).ToHashSet(),
                j.RestrictsMeasures.Count == 0 ? null : j.RestrictsMeasures.Select(m => new MeasureRestriction(m.Categories.Select(Names.Parse<DataCategory>).ToList(), m.Law.Trim(), m.MinimumYears, m.Conducts)).ToList());
        }).ToList();

        var providers = s.Providers.Select(p => new ServiceProvider(p.Id, p.Name, p.Headquarters,
            p.StorageIn.Count > 0 ? p.StorageIn : [p.Headquarters], p.OffersServicesIn.ToHashSet(),
            p.Retention.ToDictionary(r => Names.Parse<DataCategory>(r.Key), r => DurationText.Parse(r.Value)),
            new DisclosurePolicy(p.Policy.VoluntaryPreservation, p.Policy.VoluntaryDisclosure.Select(Names.Parse<DataCategory>).ToHashSet(),
                p.Policy.EmergencyDisclosureRate, p.Policy.ForeignOrderComplianceRate, p.Policy.BindingOrderComplianceRate),
            DurationRange.Parse(p.ResponseTime), DurationRange.Parse(p.PreservationTime), DurationRange.Parse(p.EmergencyResponseTime),
            p.Capacity, p.ProduceRate, p.CostPerRequest, p.LegalRepresentativeIn, p.AnnualTurnover)).ToList();
        var providerById = providers.ToDictionary(p => p.Id);

        var incidents = s.Incidents.Select(i => new Incident(i.Id, i.Title, i.Investigating,
            start + DurationText.Parse(i.Starts), start + DurationText.Parse(i.Discovered),
            new Offence(i.Offence.Conducts, i.Offence.MaxPenaltyYears, i.Offence.ThreatToLife, i.Offence.FundamentalRightsConcern,
                i.Offence.PrivilegedData, i.Offence.AlreadyTriedIn.ToHashSet(), i.Offence.ByInformationSystem,
                i.Offence.Threats?.Select(Names.Parse<Threat>).ToHashSet(),
                i.Offence.PersonConnectedTo.Count == 0 ? null : i.Offence.PersonConnectedTo.ToHashSet(),
                i.Offence.ThreatEnds is { } ends ? new ThreatEnd(start + DurationText.Parse(ends.At), Names.Parse<ThreatFinding>(ends.Found), ends.Note.Trim()) : null,
                i.Offence.CommittedIn.Count == 0 ? null : i.Offence.CommittedIn.ToHashSet(), i.Offence.PersonResidesIn))).ToList();
        var incidentById = incidents.ToDictionary(i => i.Id);

        var synthetic = new SyntheticDataGenerator(seed, s.Synthetic.Suspects, s.Synthetic.Locale);
        var leads = new List<Lead>();
        var evidence = new List<EvidenceItem>();
        foreach (var l in s.Leads)
        {
            var incident = incidentById[l.Incident];
            var period = l.Period is { } p ? new TimeWindow(incident.StartsAt + DurationText.Parse(p.From), incident.StartsAt + DurationText.Parse(p.To)) : null;
            leads.Add(new Lead(l.Id, l.Incident, l.Title, l.Description ?? "", l.KnownAt is null ? null : start + DurationText.Parse(l.KnownAt),
                l.Identifiers is { Count: > 0 } ids ? ids.Select(i => i.Trim()).ToList() : null, period));
            foreach (var e in l.Evidence)
            {
                var holder = providerById[e.Holder];
                var category = Names.Parse<DataCategory>(e.Category);
                var created = incident.StartsAt + DurationText.Parse(e.Created);
                var retention = e.Retention is null ? holder.Retention[category] : DurationText.Parse(e.Retention);
                var data = e.Data ?? new DataFile { Kind = DefaultKind(category) };
                var activity = created + TimeSpan.FromTicks(Math.Min(retention.Ticks, TimeSpan.FromDays(7).Ticks));
                var content = synthetic.Generate(e.Id, data.Kind, data.Records, created, activity);
                evidence.Add(new EvidenceItem(e.Id, l.Id, e.Holder, e.StoredIn ?? holder.StorageIn[0], category, e.Description ?? "",
                    created, retention, e.Public, e.Consent, e.Reveals, content, data.Records, data.ThirdParty));
            }
        }

        var injects = s.Injects.Select(i => new Inject(i.Id, start + DurationText.Parse(i.At), i.To, i.Title, i.Text ?? "", i.ExpectedAction,
            i.Condition is null ? null : new InjectCondition(Names.Parse<InjectConditionKind>(i.Condition.Kind), i.Condition.Provider, i.Condition.Evidence),
            new InjectEffects(i.Reveals, i.Purge, i.PurgeEvidence))).ToList();
        var uses = s.Uses.Select(u => new WantedUse(u.Id, u.Evidence, u.In, u.To, start + DurationText.Parse(u.At), u.Note.Trim())).ToList();
        var objectives = s.Objectives.Select(o => new Objective(o.Id, o.Capability, o.Task,
            new Measure(Names.Parse<MeasureKind>(o.Measure.Kind), o.Measure.Evidence, o.Measure.Instrument, o.Measure.Incident,
                o.Measure.By is null ? null : DurationText.Parse(o.Measure.By), o.Measure.Inject))).ToList();

        var world = new ScenarioWorld
        {
            ScenarioId = s.Scenario,
            Title = s.Title,
            Start = start,
            End = start + DurationText.Parse(s.Duration),
            Jurisdictions = jurisdictions,
            Providers = providers,
            Incidents = incidents,
            Leads = leads,
            Evidence = evidence,
            Injects = injects,
            Objectives = objectives,
            Uses = uses,
            EvaluationGuides = [.. s.EvaluationGuides.Select(g => new Simulator.Core.Evaluation.EvaluationGuide(g.Capability, g.Target,
                [.. g.Tasks.Select(t => new Simulator.Core.Evaluation.CriticalTask(t.Id, t.Task, [.. t.LookFor], t.Objective))]))],
            AsIfInForce = s.AsIfInForce.ToHashSet(StringComparer.Ordinal),
        };
        return new BuiltScenario(world, ApplyOverrides(catalogue, s.InstrumentOverrides));
    }

    private static string DefaultKind(DataCategory c) => c switch
    {
        DataCategory.Subscriber => "subscriber",
        DataCategory.Identification => "account-logins",
        DataCategory.Traffic => "ip-log",
        _ => "messages",
    };

    /// <summary>A scenario's overrides of catalogue figures (mostly the [UNSURE] ones), noted as such in the figure's source.</summary>
    public static InstrumentCatalogue ApplyOverrides(InstrumentCatalogue catalogue, IReadOnlyList<OverrideFile> overrides)
    {
        if (overrides.Count == 0) return catalogue;
        var changed = overrides.Select(o =>
        {
            var i = catalogue[o.Instrument];
            LegalDuration? Over(LegalDuration? d, string? v) => v is null ? d : new LegalDuration(DurationText.Parse(v), $"scenario override (catalogue: {d?.ToString() ?? "none"})", false);
            var preservation = i.Preservation is null ? null : i.Preservation with
            {
                Period = Over(i.Preservation.Period, o.PreservationPeriod)!,
                Extension = Over(i.Preservation.Extension, o.PreservationExtension),
            };
            return i with
            {
                ResponseDeadline = Over(i.ResponseDeadline, o.ResponseDeadline),
                // An overridden deadline is the instrument's for every category: the law's split no longer applies.
                ResponseDeadlines = o.ResponseDeadline is null ? i.ResponseDeadlines : null,
                EmergencyDeadline = Over(i.EmergencyDeadline, o.EmergencyDeadline),
                Preservation = preservation,
                Timing = o.Review is null ? i.Timing : i.Timing with { Review = DurationRange.Parse(o.Review) },
            };
        });
        return catalogue.With(changed);
    }
}
