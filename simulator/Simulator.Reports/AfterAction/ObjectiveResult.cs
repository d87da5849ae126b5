using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// An exercise objective as the Exercise Evaluation Guide states it (capability, critical task, measure), with the
/// rating the journal's measure gave it: <see cref="Rating"/> as the ObjectiveRated event says, its HSEEP letter
/// (P, S, M, U) as <see cref="Code"/>, and <see cref="Result"/> met / partially-met / not-met. A report drawn before
/// the exercise ended rates it from the journal so far and marks it <see cref="Provisional"/>.
/// </summary>
public sealed record ObjectiveResult(
    string Objective,
    string Capability,
    string Task,
    string Measure,
    string Rating,
    string Code,
    string Result,
    string Evidence,
    bool Provisional,
    IReadOnlyList<EventReference> Events);

public static class ObjectiveResults
{
    public const string Met = "met";
    public const string PartiallyMet = "partially-met";
    public const string NotMet = "not-met";

    public static (string Code, string Result, string Label) Describe(string rating) => rating switch
    {
        Ratings.WithoutChallenges => ("P", Met, "Performed without challenges"),
        Ratings.SomeChallenges => ("S", PartiallyMet, "Performed with some challenges"),
        Ratings.MajorChallenges => ("M", PartiallyMet, "Performed with major challenges"),
        Ratings.Unable => ("U", NotMet, "Unable to be performed"),
        _ => ("-", "not-rated", rating),
    };

    public static string MeasureText(Measure m)
    {
        var by = m.By is { } t ? $" within {DurationText.Format(t)} of the start" : "";
        return m.Kind switch
        {
            MeasureKind.PreservationRequested => $"a preservation request covering {m.Evidence} sent{by}",
            MeasureKind.EvidencePreserved => $"{m.Evidence} frozen at its holder{by}",
            MeasureKind.EvidenceSecured => $"{m.Evidence} obtained with custody{by}",
            MeasureKind.InstrumentUsed => $"a request under {m.Instrument} sent{by}",
            MeasureKind.NoEvidenceLost => m.Incident is null ? "no evidence lost" : $"no evidence of {m.Incident} lost",
            MeasureKind.NoOverBroadRequest => m.Incident is null ? "no request beyond what the facts support" : $"no request for {m.Incident} beyond what the facts support",
            MeasureKind.NoEvidenceExcluded => m.Incident is null ? "every secured item admissible at trial" : $"every secured item of {m.Incident} admissible at trial",
            MeasureKind.PurposeRespected => m.Incident is null ? "no item used beyond its purpose without the consent it needed" : $"no item of {m.Incident} used beyond its purpose without the consent it needed",
            _ => Names.Kebab(m.Kind),
        };
    }

    internal static IReadOnlyList<ObjectiveResult> Build(ReportContext ctx)
    {
        var rated = ctx.Index.Ratings;
        var provisional = rated.Count == 0 && ctx.World.Objectives.Count > 0
            ? ObjectiveRater.Rate(ctx.World, ctx.Catalogue, ctx.Index.Entries).ToDictionary(r => r.Objective)
            : [];
        return ctx.World.Objectives.Select(o =>
        {
            var (rating, evidence, ratedBy) = rated.TryGetValue(o.Id, out var e)
                ? (((ObjectiveRated)e.Event).Rating, ((ObjectiveRated)e.Event).Evidence, e)
                : provisional.TryGetValue(o.Id, out var p) ? (p.Rating, p.Evidence, null) : ("not-rated", "no rating in the journal", (JournalEntry?)null);
            var (code, result, _) = Describe(rating);
            return new ObjectiveResult(o.Id, o.Capability, o.Task, MeasureText(o.Measure), rating, code, result, evidence,
                ratedBy is null, ReportContext.Refs([.. Supporting(ctx, o), ratedBy]));
        }).ToList();
    }

    /// <summary>The events the measure was taken from: what met it, or for an unmet evidence measure, the item's loss.</summary>
    internal static IEnumerable<JournalEntry?> Supporting(ReportContext ctx, Objective o)
    {
        var m = o.Measure;
        var index = ctx.Index;
        var lost = index.Lost.Where(l => ((EvidenceLost)l.Event).Evidence == m.Evidence);
        switch (m.Kind)
        {
            case MeasureKind.PreservationRequested:
                return FirstSent(ctx, d => d.Evidence.Contains(m.Evidence!) && ctx.IsPreservation(d.Instrument)).Concat(lost);
            case MeasureKind.InstrumentUsed:
                return FirstSent(ctx, d => d.Instrument == m.Instrument);
            case MeasureKind.EvidencePreserved:
                return index.PreservationChanges(m.Evidence!).Where(p => ((PreservationStateChanged)p.Event).To == "active").Take(1).Concat(lost);
            case MeasureKind.EvidenceSecured:
                return (index.Delivered.TryGetValue(m.Evidence!, out var d) ? [d] : Array.Empty<JournalEntry>()).Concat(lost);
            case MeasureKind.NoEvidenceLost:
                return index.Lost.Where(l => m.Incident is null || ctx.World.IncidentOf(ctx.World.Item(((EvidenceLost)l.Event).Evidence)).Id == m.Incident);
            case MeasureKind.NoOverBroadRequest:
                return index.OverBroad.Where(e => m.Incident is null
                    || ((RequestDrafted)index.Drafted[((RequestScopeAssessed)e.Event).Request].Event).Evidence.Any(i => ctx.World.IncidentOf(ctx.World.Item(i)).Id == m.Incident));
            case MeasureKind.NoEvidenceExcluded:
                return index.NotAdmitted.Where(e => m.Incident is null || ctx.World.IncidentOf(ctx.World.Item(((AdmissibilityExamined)e.Event).Evidence)).Id == m.Incident);
            case MeasureKind.PurposeRespected:
                return index.Entries.Where(e => e.Event is PurposeViolated v && (m.Incident is null || ctx.World.IncidentOf(ctx.World.Item(v.Evidence)).Id == m.Incident));
            default:
                return [];
        }
    }

    private static IEnumerable<JournalEntry> FirstSent(ReportContext ctx, Func<RequestDrafted, bool> which)
    {
        var first = ctx.Index.Drafted.Values.Where(e => which((RequestDrafted)e.Event))
            .Select(e => ctx.Index.FirstChangeTo(((RequestDrafted)e.Event).Request, "sent"))
            .OfType<JournalEntry>().OrderBy(e => e.Sequence).FirstOrDefault();
        return first is null ? [] : [ctx.Index.Drafted[((RequestStateChanged)first.Event).Request], first];
    }
}
