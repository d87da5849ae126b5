using Simulator.Core.Journal;
using Simulator.Core.Rules;

namespace Simulator.Core.Engine;

/// <summary>
/// The scope of a request on its way (<see cref="ScopeAssessment"/>): a requested state whose instrument provides for it
/// (<see cref="Catalogue.ScopeReview"/>) executes an over-broad request for what the facts support only, and says what
/// it cut; a request no one on the way narrows brings all it asked for, third-party records included.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Why a reviewer may not narrow <paramref name="r"/>, or null: only an over-broad request, on an instrument that provides for it.</summary>
    private static string? NarrowingProblem(RequestRecord r) =>
        r.Instrument.ScopeReview is null ? $"{r.Instrument.Id} gives the requested state no way to narrow a request: approve it, or refuse it on a ground"
        : !r.Assessment.OverBroad ? $"{r.Id} asks only for what its facts support: there is nothing to narrow"
        : null;

    /// <summary>Whether the reviewer may narrow <paramref name="r"/> now: over-broad, on an instrument with a scope review.</summary>
    public bool MayNarrow(RequestRecord r) => NarrowingProblem(r) is null;

    /// <summary>What a draft's scope asks against the facts, as sending would judge it; null where the evidence is not the seat's to ask for.</summary>
    public (ScopeAssessment Assessment, IReadOnlyList<World.EvidenceItem> Items)? AssessScope(Decisions.SendRequest draft)
    {
        var (issuer, _) = Common.Seat.Parse(draft.Actor);
        if (UnknownTo(issuer, draft.Evidence) is not null) return null;
        var items = draft.Evidence.Distinct().Select(World.Item).ToList();
        return (ScopeAssessment.Of(items, World.Lead, draft.Scope, Now), items);
    }

    /// <summary>What the facts support for these items at <paramref name="at"/>: the identifiers their leads name and the span of their periods.</summary>
    public (IReadOnlyList<string> Identifiers, Common.TimeWindow? Period) FactsSupporting(IReadOnlyList<World.EvidenceItem> items, DateTimeOffset at) =>
        ScopeAssessment.Supported(items, World.Lead, at);

    /// <summary>Whether the engine, reviewing for the requested state, narrows <paramref name="r"/> before approving it.</summary>
    private static bool NarrowsOnReview(RequestRecord r) => NarrowingProblem(r) is null;

    /// <summary>
    /// Judges the request's scope as it leaves: what the holder keeps and the facts support are those of the moment of
    /// sending (a policy's request may wait weeks in drafting). A stated scope's judgement is journalled.
    /// </summary>
    private void AssessScopeOnSending(RequestRecord r)
    {
        r.Assessment = r.AssessmentAsked = ScopeAssessment.Of(r.Items, World.Lead, r.ScopeAsked, Now);
        if (r.ScopeAsked is null) return;
        var a = r.Assessment;
        Record(new RequestScopeAssessed(r.Id, a.Excess, a.Shortfall, a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    /// <summary>The holder redacts third parties' records from what it produced, before transfer: what is transferred is the suspects' records within the need.</summary>
    private void Redact(RequestRecord r)
    {
        var redacted = r.Found.Sum(id => (long)r.Assessment.For(id).ThirdParty);
        r.RecordsRedacted = (int)Math.Min(int.MaxValue, redacted);
        r.Assessment = r.Assessment.Redacted();
        Record(new RecordsRedacted(r.Id, $"provider/{r.Provider.Id}", r.RecordsRedacted, Common.DurationText.Format(Catalogue.Figures.RedactionTime * r.RecordsRedacted)));
    }

    /// <summary>Cuts <paramref name="r"/> down to what it asked within the need: identifiers the facts do not name and records outside their period go.</summary>
    private void Narrow(RequestRecord r, string by)
    {
        var cut = r.Assessment.Excess;
        r.Narrowed = true;
        r.Assessment = r.Assessment.Narrowed();
        Record(new RequestNarrowed(r.Id, by, cut, r.Instrument.ScopeReview!.Source, r.Assessment.RecordsSought, r.Assessment.ThirdPartyRecords));
    }
}
