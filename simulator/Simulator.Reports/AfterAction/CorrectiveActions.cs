using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Rules;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// Turns each area for improvement into a corrective action through <see cref="CorrectiveActionTable"/>. Where the
/// rule recommends instruments, the first one the catalogue's rules allow for this evidence and issuing state (and,
/// after a refusal, one on which the same kind of ground is not open) is cited with its legal basis, and the office
/// that issues it is made responsible.
/// </summary>
internal static class CorrectiveActions
{
    private static readonly AuthorityRole[] RoleOrder =
        [AuthorityRole.ContactPoint, AuthorityRole.Prosecutor, AuthorityRole.Judge, AuthorityRole.Investigator, AuthorityRole.CentralAuthority];

    public static CorrectiveAction Build(ReportContext ctx, AreaDraft area, string id, string areaId)
    {
        var rule = area.Rule;
        var values = new Dictionary<string, string>(area.Values);
        var pick = rule.Instruments.Count == 0 ? default : Recommend(ctx, area);
        string action, responsible;
        if (pick.Instrument is { } instrument)
        {
            values["instrument"] = $"{instrument.Name} ({instrument.LegalBasis})";
            values["office"] = pick.Office!;
            action = Template.Fill(rule.Action, values);
            responsible = Template.Fill(rule.Responsible, values);
        }
        else if (rule.Instruments.Count > 0 && rule.Fallback is not null)
        {
            action = Template.Fill(rule.Fallback, values);
            responsible = Template.Fill(rule.FallbackResponsible, values);
        }
        else
        {
            action = Template.Fill(rule.Action, values);
            responsible = Template.Fill(rule.Responsible, values);
        }
        return new CorrectiveAction(id, areaId, area.Finding.Capability, area.Finding.Title, action, rule.Element, responsible, rule.DueWithin,
            pick.Instrument?.Id, pick.Instrument?.Name, pick.Instrument?.LegalBasis);
    }

    private static (Instrument? Instrument, string? Office) Recommend(ReportContext ctx, AreaDraft area)
    {
        foreach (var candidate in area.Rule.Instruments)
        {
            if (!ctx.Catalogue.TryGet(Template.Fill(candidate, area.Values), out var instrument)) continue;
            if (area.Exclude.Contains(instrument.Id) || (area.Rule.BindingOnly && !instrument.Binding)) continue;
            if (area.Evidence.Count == 0)
            {
                var role = RoleOrder.FirstOrDefault(r => instrument.Issuers.Values.Any(v => v.Contains(r)), AuthorityRole.Prosecutor);
                return (instrument, ReportContext.Office(role, area.Issuer));
            }
            var advice = ctx.Simulation.Advisor.Advise(instrument, area.Issuer, area.Evidence, emergency: false, detailed: false);
            if (!advice.Applicable || advice.Issuers.Count == 0) continue;
            if (area.Condition is { } condition && GroundOpen(ctx, instrument, area, advice.RequestedState, condition)) continue;
            return (instrument, ReportContext.Office(advice.Issuers[0], area.Issuer));
        }
        return default;
    }

    /// <summary>Would the same kind of ground be open to the state this instrument goes to?</summary>
    private static bool GroundOpen(ReportContext ctx, Instrument instrument, AreaDraft area, string? requestedState, RefusalCondition condition)
    {
        if (condition == RefusalCondition.ProviderPolicy) return !instrument.Binding;
        if (requestedState is null) return false;
        var issuer = ctx.World.Jurisdiction(area.Issuer);
        var reviewer = ctx.World.Jurisdiction(requestedState);
        var offence = ctx.World.IncidentOf(ctx.World.Item(area.Evidence[0])).Offence;
        var categories = area.Evidence.Select(e => ctx.World.Item(e).Category).ToList();
        return instrument.RefusalGrounds.Any(g => g.When == condition && RequestRules.GroundHolds(g, issuer, reviewer, offence, categories));
    }
}
