using Simulator.Core.Common;
using Simulator.Core.Journal;

namespace Simulator.Scenarios.Reports;

/// <summary>One line per journal event, for people reading a report: what happened, to what, and who did it.</summary>
public static class EventText
{
    public static string Describe(JournalEvent evt) => evt switch
    {
        ExerciseStarted e => $"exercise {e.Scenario} started (seed {e.Seed}, policy {e.Policy})",
        ExerciseEnded e => $"exercise ended: {e.Reason}",
        IncidentStarted e => $"incident {e.Incident} started, investigated by {e.Investigating}",
        EvidenceCreated e => $"{e.Evidence} created at {e.Holder} ({e.StoredIn}), kept until {JournalJson.Instant(e.ExpiresAt)}",
        LeadDiscovered e => $"lead {e.Lead} discovered by {e.Jurisdiction}: {e.How}",
        InjectDelivered e => $"inject {e.Inject} delivered to {string.Join(", ", e.To)}: {e.Title}",
        InjectSkipped e => $"inject {e.Inject} skipped: {e.Reason}",
        DecisionTaken e => $"{e.Actor} decided {e.Decision}{(e.Request is null ? "" : " on " + e.Request)}{(e.Detail is null ? "" : " (" + e.Detail + ")")}",
        RequestDrafted e => $"{e.Request} drafted: {e.Instrument} from {e.Issuer} to {e.RequestedState} / {e.Provider} for {string.Join(", ", e.Evidence)}{(e.Emergency ? ", emergency" : "")}",
        RequestStateChanged e => $"{e.Request} {e.From} → {e.To} ({e.By})",
        RequestRefused e => $"{e.Request} refused by {e.By}: {e.Ground} ({e.Source})",
        ClarificationRequested e => $"{e.By} asked for clarification of {e.Request}: {e.Question}",
        EnforcingStateNotified e => $"{e.State} notified of {e.Request}; objections until {JournalJson.Instant(e.WindowEnds)}",
        RetentionAtRisk e => $"{e.Evidence} at risk: retention ends {JournalJson.Instant(e.ExpiresAt)}",
        DeadlineAtRisk e => $"{e.Request} at risk of missing its deadline {JournalJson.Instant(e.Deadline)}",
        RequestEscalated e => $"{e.Request} escalated by {e.By} while {e.Stage}",
        PreservationStateChanged e => $"{e.Preservation} of {e.Evidence} ({e.Request}) {e.From} → {e.To}{(e.Until is { } u ? " until " + JournalJson.Instant(u) : "")}",
        PreservationExpiring e => $"{e.Preservation} of {e.Evidence} ends {JournalJson.Instant(e.Until)}",
        EvidenceLost e => $"{e.Evidence} lost: {e.Reason} (stage: {e.Stage})",
        PathDisclosed e => $"{e.Request} disclosed the path from {e.Evidence} to {string.Join(", ", e.RevealsLeads)}",
        EvidenceProduced e => e.Found ? $"{e.Evidence} produced for {e.Request}" : $"{e.Evidence} not produced for {e.Request}: {e.Reason}",
        CustodyRecorded e => $"custody of {e.Evidence}, step {e.Step}: {e.Action} ({e.Holder})",
        EvidenceDelivered e => $"{e.Evidence} delivered to {e.To} through {e.Request}",
        ObjectiveRated e => $"{e.Objective} rated {e.Rating}: {e.Evidence}",
        InjectEdited e => $"inject {e.Inject} moved to {JournalJson.Instant(e.At)}: {e.Title}",
        _ => Names.Kebab(evt.GetType().Name),
    };
}
