using Simulator.Core.Decisions;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Rules;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What a seat sees before it acts: the instrument advisor for some evidence, and the check of a drafted request.
/// Both come from the same rules that judge the request when it is sent, so the console never disagrees with the engine.
/// </summary>
public static class SeatAdvice
{
    public static IReadOnlyList<InstrumentAdviceView> Advise(string seat, IReadOnlyList<string> evidence, bool emergency, Simulation s)
    {
        var (state, role) = Seat.Parse(seat);
        IReadOnlyList<InstrumentAdvice> advice;
        try { advice = s.Advise(state, evidence, emergency); }
        catch (ArgumentException e) { throw new ExerciseException(e.Message); }
        var categories = evidence.Select(id => s.Evidence(id).Item.Category).Distinct().ToList();
        return advice
            .OrderByDescending(a => a.Applicable && MayIssue(a, role))
            .ThenByDescending(a => a.Applicable)
            .Select(a => new InstrumentAdviceView(
                a.Instrument.Id,
                a.Instrument.Name,
                a.Instrument.LegalBasis,
                a.Instrument.Summary,
                Names.Kebab(a.Instrument.Purpose),
                a.Applicable,
                a.Applicable && MayIssue(a, role),
                [.. a.Issuers.Select(r => Names.Kebab(r))],
                a.RequestedState,
                Deadline(a, categories, emergency) is { } d ? DurationText.Format(d.Value) : null,
                Deadline(a, categories, emergency)?.Source,
                Deadline(a, categories, emergency)?.Unsure,
                a.Instrument.SupportsEmergency || a.Instrument.EmergencyOnly,
                Conditions(a.Conditions),
                a.Problems,
                a.RefusalRisks,
                a.Urgency is { } u ? new ConditionView(u.Condition, u.Met, u.Source, u.Why) : null,
                a.ValidatedIssuers.FirstOrDefault(v => v.Role == role).Need?.Describe(state)))
            .ToList();
    }

    /// <summary>The seat issues it itself, or once a judge or prosecutor of its state validates it (REG Art. 4(1)(b)).</summary>
    private static bool MayIssue(InstrumentAdvice a, AuthorityRole role) => a.Issuers.Contains(role) || a.ValidatedIssuers.Any(v => v.Role == role);

    /// <summary>The deadline the request would run to: for the chosen items' categories (CETS 224 Art. 8 sets them apart).</summary>
    private static Simulator.Core.Catalogue.LegalDuration? Deadline(InstrumentAdvice a, IReadOnlyList<Simulator.Core.Common.DataCategory> categories, bool emergency) =>
        emergency ? a.Instrument.EmergencyDeadline ?? a.Instrument.ResponseDeadline : a.Instrument.DeadlineFor(categories, false);

    public static RequestCheck Check(SendRequest draft, Simulation s)
    {
        var check = s.CheckDraft(draft);
        return new RequestCheck(check.CanSend, check.RequestedState, check.Provider, check.Problems, Conditions(check.Conditions), check.RefusalRisks, Scope(draft, s, check.RequestedState));
    }

    /// <summary>What the draft's scope asks against what the facts support: what the reviewer will see. Null for evidence the seat may not ask for.</summary>
    private static ScopeView? Scope(SendRequest draft, Simulation s, string? requestedState)
    {
        if (s.AssessScope(draft) is not { } found) return null;
        var (assessment, items) = found;
        var (identifiers, period) = s.FactsSupporting(items, s.Now);
        var known = s.Catalogue.TryGet(draft.Instrument, out var instrument);
        var review = known ? instrument.ScopeReview?.Source : null;
        // Where the requested state's law refuses a fishing expedition, an over-broad draft will be refused, not narrowed.
        var refused = known && requestedState is not null && s.World.HasJurisdiction(requestedState) && s.World.Jurisdiction(requestedState).RefusesOverBroad is { } law
            && instrument.RefusalGrounds.FirstOrDefault(g => g.When == Simulator.Core.Catalogue.RefusalCondition.OverBroad) is { } ground
            ? $"{ground.Source}; the law of {requestedState}: {law}" : null;
        return new ScopeView(draft.Scope?.Describe() ?? "what the facts support", assessment.Excess, assessment.Shortfall, assessment.RecordsSought,
            assessment.RecordsBeyondNeed, assessment.ThirdPartyRecords, identifiers, period?.From, period?.To, ReviewSource: review, RefusedUnder: refused);
    }

    private static IReadOnlyList<ConditionView> Conditions(IEnumerable<ConditionCheck> conditions) =>
        [.. conditions.Select(c => new ConditionView(c.Condition, c.Met, c.Source, c.Why))];
}
