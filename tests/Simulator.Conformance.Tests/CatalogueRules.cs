using Simulator.Core.Catalogue;
using Simulator.Core.Common;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Every rule the catalogue states, one element at a time with the article it cites: who may issue, each
/// precondition and each exception to it, each refusal ground and each exception to it, the deadlines, the
/// preservation period, extension and continuation, the enforcing state's notification, the emergency definition,
/// urgent handling, the procedure for conflicting obligations, issuing with validation and its emergency exception,
/// the requested state's review of a request's scope, the limits on using what was obtained beyond its purpose.
/// What the suite must cover.
/// </summary>
internal static class CatalogueRules
{
    public sealed record Element(string Instrument, string Path, string Source)
    {
        public string Key => $"{Instrument}:{Path}";
    }

    public static IEnumerable<Element> Of(InstrumentCatalogue catalogue)
    {
        foreach (var i in catalogue.Instruments)
        {
            yield return new(i.Id, "issuers", i.LegalBasis);
            foreach (var p in i.Preconditions)
            {
                var path = $"preconditions/{Names.Kebab(p.Kind)}";
                yield return new(i.Id, path, p.Source);
                foreach (var e in p.ExceptionsToRule)
                    yield return new(i.Id, $"{path}/exceptions/{ExceptionKey(e)}", e.Source);
            }
            foreach (var g in i.RefusalGrounds)
            {
                yield return new(i.Id, $"refusal-grounds/{g.Id}", g.Source);
                foreach (var e in g.ExceptionsToRule)
                    yield return new(i.Id, $"refusal-grounds/{g.Id}/exceptions/{ExceptionKey(e)}", e.Source);
            }
            if (i.Template is { } form) yield return new(i.Id, "template", form.Offence.Source);
            if (!i.WaitsInBacklog && i.Channel == Channel.CentralAuthorities) yield return new(i.Id, "waits-in-backlog", i.BacklogSource ?? i.LegalBasis);
            if (i.EmergencyReviewSource is { } reviewed) yield return new(i.Id, "emergency-review", reviewed);
            if (i.EmergencyDefinition is { } emergency) yield return new(i.Id, "emergency-definition", emergency.Source);
            if (i.Urgent is { } urgent)
            {
                yield return new(i.Id, "urgent", urgent.Source);
                yield return new(i.Id, "urgent/means", urgent.MeansSource);
            }
            if (i.ResponseDeadline is { } d) yield return new(i.Id, "response-deadline", d.Source);
            foreach (var (category, byCategory) in i.ResponseDeadlines ?? new Dictionary<DataCategory, LegalDuration>())
                yield return new(i.Id, $"response-deadlines.{Names.Kebab(category)}", byCategory.Source);
            if (i.EmergencyDeadline is { } ed) yield return new(i.Id, "emergency-deadline", ed.Source);
            if (i.Preservation is { } pr)
            {
                yield return new(i.Id, "preservation/period", pr.Period.Source);
                if (pr.Extension is { } x) yield return new(i.Id, "preservation/extension", x.Source);
                if (pr.ContinuesPendingProduction) yield return new(i.Id, "preservation/continuation", pr.ContinuationSource);
            }
            if (i.ConflictingObligations is { } conflict)
            {
                yield return new(i.Id, "conflicting-obligations", conflict.Source);
                yield return new(i.Id, "conflicting-obligations/objection-window", conflict.ObjectionWindow.Source);
                yield return new(i.Id, "conflicting-obligations/lifted-where", conflict.LiftSource);
            }
            if (i.Validation is { } validation)
            {
                for (var r = 0; r < validation.Rules.Count; r++)
                    yield return new(i.Id, $"validation/rules/{string.Join("-", validation.Rules[r].Categories.Select(Names.Kebab))}", validation.Rules[r].Source);
                if (validation.WithoutPriorValidation is { } afterwards)
                {
                    yield return new(i.Id, "validation/without-prior-validation", afterwards.Source);
                    yield return new(i.Id, "validation/without-prior-validation/within", afterwards.Within.Source);
                }
            }
            if (i.ScopeReview is { } scope) yield return new(i.Id, "scope-review", scope.Source);
            if (i.Enforcement is { } enforcement)
            {
                yield return new(i.Id, "enforcement", enforcement.Source);
                yield return new(i.Id, "enforcement/recognition", enforcement.Recognition.Source);
                yield return new(i.Id, "enforcement/penalty", enforcement.PenaltySource);
                foreach (var g in enforcement.Grounds) yield return new(i.Id, $"enforcement/grounds/{g}", enforcement.GroundsSource);
            }
            if (i.Costs is { } costs) yield return new(i.Id, "costs", costs.Source);
            if (i.InformsPerson is { } informs)
            {
                yield return new(i.Id, "informs-person", informs.Source);
                yield return new(i.Id, "informs-person/delay", informs.DelaySource);
            }
            foreach (var limit in i.UseLimits)
            {
                yield return new(i.Id, $"use-limits/{Names.Kebab(limit.Use)}", limit.Source);
                if (limit.ConsentGroundsOf is not null) yield return new(i.Id, $"use-limits/{Names.Kebab(limit.Use)}/consent-grounds", limit.Source);
                if (limit.ConditionSource is not null) yield return new(i.Id, $"use-limits/{Names.Kebab(limit.Use)}/condition", limit.ConditionSource);
            }
            if (i.Notification is { } n)
            {
                yield return new(i.Id, "notification", n.ObjectionWindow.Source);
                if (n.EmergencyTransferAtOnce) yield return new(i.Id, "notification/emergency-transfer", n.EmergencyTransferSource ?? n.Source);
                if (n.DomesticCaseSource is { } domestic) yield return new(i.Id, "notification/domestic-case", domestic);
                if (n.NoGroundSource is { } cleared) yield return new(i.Id, "notification/no-ground", cleared);
            }
        }
        // The trial at the end is the catalogue's too, rule by rule, under the pseudo-instrument "trial".
        foreach (var t in catalogue.TrialRules) yield return new("trial", Names.Kebab(t.When), t.Source);
        // What becomes of emergency powers when their threat ends, under the pseudo-instrument "emergency".
        yield return new("emergency", "sunset", catalogue.Sunset.Source);
    }

    /// <summary>An exception is named by its offence list, else "conducts" where it lists them, else "categories" (an exception for a measure).</summary>
    private static string ExceptionKey(ExceptionToRule e) => e.OffenceList ?? (e.Conducts.Count > 0 ? "conducts" : "categories");
}
