using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.World;

namespace Simulator.Core.Admissibility;

/// <summary>One finding against a secured item: the condition, what it is in this case, and the rule's verdict and article.</summary>
public sealed record TrialFinding(TrialCondition When, Verdict Verdict, string Why, string Source);

/// <summary>What the court makes of one secured item: the worst verdict of its findings (admissible where none holds).</summary>
public sealed record ItemVerdict(string Evidence, string Investigating, Verdict Verdict, IReadOnlyList<TrialFinding> Findings)
{
    public string Reason => Findings.Count == 0 ? "no finding against it" : string.Join("; ", Findings.Select(f => $"{f.Why} ({f.Source})"));
}

/// <summary>What the court of another investigation (<see cref="In"/>) makes of an item relied on there, beyond the purpose it was given for.</summary>
public sealed record UseVerdict(string Evidence, string In, string Investigating, Verdict Verdict, IReadOnlyList<TrialFinding> Findings);

/// <summary>
/// The simulated trial in each investigating state (issue 14 item 5, docs/safeguards.md): every secured item is examined
/// against the catalogue's trial rules, with the verdicts the state's own law sets where it sets them. A pure function of
/// the run's state: the engine records it at the end, and the views show a seat, during play, which of the items it
/// holds risk exclusion.
/// </summary>
public static class Trial
{
    public static IReadOnlyList<ItemVerdict> Examine(Simulation s) =>
        [.. s.World.Evidence.Select(i => s.Evidence(i.Id)).Where(st => st.Status == EvidenceStatus.Secured && st.SecuredBy is not null).Select(st => Examine(s, st))];

    /// <summary>
    /// The court examines the delivery the prosecution relies on: of the requests that delivered the item (the one that
    /// first secured it, and any asked again later), the one with the best verdict under the state's law, then the one
    /// that brought the fewest records beyond the need; the first on a tie.
    /// </summary>
    public static ItemVerdict Examine(Simulation s, EvidenceState st)
    {
        var investigating = s.World.IncidentOf(st.Item).Investigating;
        var state = s.World.Jurisdiction(investigating);
        var deliveries = s.Requests.Where(r => r.IsProduction && r.State == Procedures.RequestState.Delivered && r.Found.Contains(st.Item.Id))
            .Prepend(s.Request(st.SecuredBy!)!).Distinct();
        ItemVerdict? best = null;
        var bestBeyond = 0;
        foreach (var relied in deliveries)
        {
            var findings = new List<TrialFinding>();
            foreach (var rule in s.Catalogue.TrialRules)
            {
                if (Holds(st, relied, rule.When) is not { } why) continue;
                var verdict = state.Admissibility?.TryGetValue(rule.When, out var own) == true ? own : rule.Verdict;
                var source = verdict == rule.Verdict ? rule.Source : $"the law of {investigating}, for {Names.Kebab(rule.When)}";
                findings.Add(new TrialFinding(rule.When, verdict, why, source));
            }
            var candidate = new ItemVerdict(st.Item.Id, investigating, Verdicts.Worst(findings.Select(f => f.Verdict)), findings);
            var beyond = relied.Assessment.For(st.Item.Id).BeyondNeed;
            if (best is null || candidate.Verdict < best.Verdict || (candidate.Verdict == best.Verdict && beyond < bestBeyond))
                (best, bestBeyond) = (candidate, beyond);
        }
        return best!;
    }

    /// <summary>
    /// Every use of a secured item in another investigation than the one it was given for, examined in that
    /// investigation's trial: the item's own findings (its custody, its breadth) go with it, and a use made without the
    /// consent its giving state's terms required is found against it (<see cref="TrialCondition.UsedWithoutConsent"/>).
    /// </summary>
    public static IReadOnlyList<UseVerdict> ExamineUses(Simulation s)
    {
        var verdicts = new List<UseVerdict>();
        foreach (var use in s.Uses.Where(u => u.Use == UseKind.OtherInvestigation))
        {
            var st = s.Evidence(use.Evidence);
            if (st.Status != EvidenceStatus.Secured || st.SecuredBy is null) continue;
            var investigating = s.World.Incident(use.For).Investigating;
            var findings = Examine(s, st).Findings.ToList();
            if (use.Violation && s.Catalogue.TrialRules.FirstOrDefault(r => r.When == TrialCondition.UsedWithoutConsent) is { } rule)
            {
                var state = s.World.Jurisdiction(investigating);
                var verdict = state.Admissibility?.TryGetValue(rule.When, out var own) == true ? own : rule.Verdict;
                var terms = s.UseTermsOf(use.Evidence)!;
                findings.Add(new TrialFinding(rule.When, verdict,
                    $"it was given by {terms.Giver} for {terms.Purpose} and is relied on in {use.For} without {terms.Giver}'s consent ({use.Source})",
                    verdict == rule.Verdict ? rule.Source : $"the law of {investigating}, for {Names.Kebab(rule.When)}"));
            }
            verdicts.Add(new UseVerdict(use.Evidence, use.For, investigating, Verdicts.Worst(findings.Select(f => f.Verdict)), findings));
        }
        return verdicts;
    }

    /// <summary>What makes the condition hold for this item, as delivered by <paramref name="relied"/>, in words, or null where it does not.</summary>
    private static string? Holds(EvidenceState st, RequestRecord relied, TrialCondition when)
    {
        switch (when)
        {
            case TrialCondition.CustodyUnverified:
                return st.Custody.Verify() is { } broken ? $"its custody chain does not verify: {broken}" : null;
            case TrialCondition.BeyondNeed:
                var records = relied.Assessment.For(st.Item.Id);
                return records.BeyondNeed > 0
                    ? $"{relied.Id} brought {records.BeyondNeed} records beyond what the facts support ({string.Join("; ", relied.Assessment.Excess)})"
                    : null;
            case TrialCondition.EmergencyClaimDidNotHold:
                return relied.EmergencyClaimHeld == false
                    ? $"{relied.Id} secured it under an emergency claim that did not hold: the threat was found never to have existed"
                    : null;
            default:
                return null;
        }
    }
}
