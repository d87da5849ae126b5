using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// Conditions attached case by case (issue 14 item 2, issue 13: CETS 224 Art. 9): where an instrument lets the giving
/// state make a use of what it gives need its consent in a particular case (<see cref="UseLimit.ConditionSource"/>:
/// EU-US MLA Agreement Art. 9(2), CETS 224 Arts. 9 and 14), the requested state's reviewer may attach that condition
/// when it approves the request: a trainee with the answer (<see cref="Decisions.AnswerRequest.Conditions"/>), the
/// engine as the state's practice says (<see cref="Jurisdiction.AttachesConditions"/>). The purpose terms of what the
/// request secures then need that consent (<see cref="UseTerms.LimitFor"/>), and a use without it is a violation.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Why these conditions may not be attached to the request, in the decision's field, or null.</summary>
    private static string? ConditionsProblem(RequestRecord r, IReadOnlyList<UseKind> uses)
    {
        var open = r.Instrument.ConditionsOpen;
        foreach (var use in uses)
            if (!open.Any(l => l.Use == use))
            {
                var why = r.Instrument.UseLimitFor(use) is { NeedsConsent: true } limit
                    ? $"{Names.Kebab(use)} already needs {r.RequestedState}'s consent under {r.Instrument.Id} ({limit.Source}): there is no condition to add"
                    : $"{r.Instrument.Id} gives {r.RequestedState} no power to make {Names.Kebab(use)} a condition of giving the evidence";
                return $"conditions: {why}; conditions open: {(open.Count == 0 ? "none" : string.Join(", ", open.Select(l => Names.Kebab(l.Use))))}";
            }
        return uses.Distinct().Count() < uses.Count ? "conditions: each use once" : null;
    }

    /// <summary>Records the conditions the reviewer attaches as it approves; the engine's reviewer attaches those its state's practice sets.</summary>
    private void AttachConditions(RequestRecord r, IEnumerable<UseKind> uses, string by)
    {
        var attached = r.Instrument.ConditionsOpen.Where(l => uses.Contains(l.Use))
            .Select(l => new CaseCondition(l.Use, r.RequestedState, l.ConditionSource!)).ToList();
        if (attached.Count == 0) return;
        r.Conditions.AddRange(attached);
        Record(new ConditionsAttached(r.Id, by, attached.Select(c => Names.Kebab(c.Use)).ToList(), string.Join("; ", attached.Select(c => c.Source).Distinct())));
    }
}
