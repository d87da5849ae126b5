using Simulator.Core.Common;

namespace Simulator.Core.Journal;

/// <summary>
/// One line of plain text per journal event, for people: the CLI's replay, the console's debrief timeline, and the
/// events the after-action report cites.
/// </summary>
public static class EventSummary
{
    public static string Of(JournalEvent e) => e switch
    {
        ExerciseStarted s => $"exercise {s.Scenario} starts (seed {s.Seed}, policy {s.Policy})",
        ExerciseEnded s => $"exercise ends: {s.Reason}",
        IncidentStarted s => $"incident {s.Incident} starts: {s.Title} (investigated by {s.Investigating})",
        EvidenceCreated s => $"{s.Evidence} exists at {s.Holder} ({Names.Kebab(s.Category)}, {s.Records} records), deleted {JournalJson.Instant(s.ExpiresAt)}",
        LeadDiscovered s => $"{s.Jurisdiction} learns of lead {s.Lead}: {s.How}",
        InjectDelivered s => $"inject {s.Inject} to {string.Join(", ", s.To)}: {s.Title}{(s.OnDemand ? " (fired by the trainer)" : "")}",
        InjectSkipped s => $"inject {s.Inject} skipped: {s.Reason}",
        DecisionTaken s => $"{s.Actor} decides: {s.Decision}{(s.Request is null ? "" : $" {s.Request}")}{(s.Detail is null ? "" : $" ({s.Detail})")}",
        RequestDrafted s => $"{s.Request} drafted by {s.Issuer}: {s.Instrument}{(s.Emergency ? " (emergency)" : s.Urgent ? " (urgent)" : "")} to {s.RequestedState} for {string.Join(", ", s.Evidence)} at {s.Provider}",
        RequestScopeAssessed s => $"{s.Request} asks for {s.Records} records, {s.BeyondNeed} beyond what the facts support, {s.ThirdParty} of third parties{(s.Excess.Count == 0 ? "" : $"; OVER-BROAD: {string.Join("; ", s.Excess)}")}{(s.Shortfall.Count == 0 ? "" : $"; too narrow: {string.Join("; ", s.Shortfall)}")}",
        ConditionsAttached s => $"{s.By} approves {s.Request} on condition that {string.Join(" and ", s.Uses.Select(u => u == "onward-transfer" ? "it is not passed on to another state" : "it is not used in another investigation"))} without its consent ({s.Source})",
        RequestNarrowed s => $"{s.By} narrows {s.Request} to what the facts support ({s.Records} records, {s.ThirdParty} of third parties), cutting {string.Join("; ", s.Cut)} ({s.Source})",
        RecordsRedacted s => $"{s.By} redacted {s.Records} third parties' records from {s.Request} before transfer ({s.Took})",
        RequestStateChanged s => $"{s.Request}: {s.From} -> {s.To} ({s.By})",
        RequestRefused s => $"{s.Request} refused by {s.By}: {s.Ground} ({s.Source})",
        ClarificationRequested s => $"{s.By} asks for clarification of {s.Request}: {s.Question}",
        DataUseObjected s => $"{s.By} objected to the use of what {s.Request} transmitted: {s.Ground} ({s.Source}); the data must be erased or restricted ({s.Rule})",
        ConflictingObligationRaised s => $"{s.By} objects to {s.Request}: complying would break {s.ThirdCountry}'s law on {string.Join(" and ", s.Categories.Select(Names.Kebab))} data ({s.Law}); execution suspended until {s.Court} reviews it{(s.ReviewEndsAt is { } ends ? $", by {JournalJson.Instant(ends)}" : " (its trainee decides)")} ({s.Rule})",
        ConflictingObligationReviewed s => $"{s.By} {(s.Upheld ? "upholds" : s.OnlyFor is { } only ? $"lifts, as to {string.Join(" and ", only.Select(Names.Kebab))} data only," : "lifts")} {s.Request}: {s.Reason} ({s.Source})",
        ReviewRecorded s => $"{s.By} reviewed {s.Request} ({s.Answer}): confirmed {(s.Confirmed.Count == 0 ? "nothing" : string.Join(", ", s.Confirmed))}{(s.NotConfirmed.Count == 0 ? "" : $"; not confirmed {string.Join(", ", s.NotConfirmed)}")}{(s.Unsupported.Count == 0 ? "" : $"; NOT SUPPORTED BY THE FACTS: {string.Join("; ", s.Unsupported)}")}",
        ValidationSought s => s.DueBy is { } due
            ? $"{s.Request} went first in an emergency; {s.Validator} must validate it by {JournalJson.Instant(due)} ({s.Source})"
            : $"{s.Request} waits for validation by {s.Validator} before it is sent ({s.Source})",
        RequestValidated s => $"{s.By} validated {s.Request}{(s.Afterwards ? " afterwards" : "")}{(s.Note is null ? "" : $": {s.Note}")}",
        ValidationRefused s => $"{s.By} refused to validate {s.Request}: {s.Reason}; {(s.Afterwards ? "the order is withdrawn and what it produced erased" : "the order is not issued")} ({s.Source})",
        ValidationLapsed s => $"{s.Request} was not validated by {JournalJson.Instant(s.DueBy)}: the order is withdrawn and what it produced erased ({s.Source})",
        ThreatEnded s => $"the threat in {s.Incident} {(s.Found == "unfounded" ? "is found never to have existed" : "has ended")}: {s.Note}; no emergency may be claimed on it any more ({s.Source})",
        EmergencyClaimReviewed s => $"{s.Request}'s emergency claim reviewed: {(s.Held ? "it held" : "IT DID NOT HOLD")}: {s.Finding}{(s.Lapsed ? "; the request, allowed only in an emergency, lapses" : "")} ({s.Source})",
        EnforcingStateNotified s => $"{s.State} notified of {s.Request}; may object until {JournalJson.Instant(s.WindowEnds)}",
        NoGroundRaised s => $"{s.By} raises no ground against {s.Request} ({s.Rule})",
        NotificationNotRequired s => $"{s.State} not notified of {s.Request}: offence and person are in the issuing state ({s.Rule})",
        RetentionAtRisk s => $"{s.Evidence} will be deleted at {JournalJson.Instant(s.ExpiresAt)}",
        DeadlineAtRisk s => $"{s.Request}'s deadline {JournalJson.Instant(s.Deadline)} is at risk",
        RequestEscalated s => $"{s.Request} escalated by {s.By} ({s.Stage})",
        PreservationStateChanged s => $"preservation {s.Preservation} of {s.Evidence}: {s.From} -> {s.To}{(s.Until is null ? "" : $" until {JournalJson.Instant(s.Until.Value)}")}",
        PreservationExpiring s => $"preservation {s.Preservation} of {s.Evidence} ends at {JournalJson.Instant(s.Until)}",
        EvidenceLost s => $"{s.Evidence} LOST: {s.Reason} (stage: {s.Stage})",
        PathDisclosed s => $"{s.Request} discloses the path from {s.Evidence}{(s.RevealsLeads.Count == 0 ? "" : $": leads {string.Join(", ", s.RevealsLeads)}")}",
        EvidenceProduced s => $"{s.Evidence} {(s.Found ? "produced" : "not found")} for {s.Request}{(s.Reason is null ? "" : $": {s.Reason}")}",
        CustodyRecorded s => $"custody of {s.Evidence}, step {s.Step}: {s.Action} by {s.Holder}",
        EvidenceDelivered s => $"{s.Evidence} delivered to {s.To} through {s.Request}",
        ObjectiveRated s => $"objective {s.Objective}: {s.Rating} ({s.Evidence})",
        AdmissibilityExamined s => $"trial in {s.Investigating}: {s.Evidence} {s.Verdict}{(s.Findings.Count == 0 ? "" : $": {string.Join("; ", s.Findings)}")}",
        InjectEdited s => $"inject {s.Inject} edited: {s.Title} at {JournalJson.Instant(s.At)}{(s.To is null ? "" : $", to {string.Join(", ", s.To)}")}",
        SeatHandedToEngine s => $"{s.Seat} is played by the engine ({s.Policy}) for now",
        SeatTakenBack s => $"{s.Seat} is its trainee's again",
        InjectAdded s => $"trainer adds inject {s.Inject} for {JournalJson.Instant(s.At)} to {string.Join(", ", s.To)}: {s.Title}",
        PolicyTookOver s => $"{s.Policy} takes over {(s.Seats.Count == 0 ? "no seat" : string.Join(", ", s.Seats))}",
        MessageSent s => $"{s.Message}: {s.From} writes to {s.To} by {Names.Kebab(s.Channel)}{(s.ByTrainer ? " (the trainer, for the simulation cell)" : "")}{(s.Subject is null ? "" : $": {s.Subject}")}",
        MessageDelivered s => $"{s.Message} reaches {s.To}",
        Referred s => $"{s.From} refers {s.Kind} {s.Item} to {s.To}{(s.Note is null ? "" : $": {s.Note}")}",
        InjectAnswered s => $"{s.By} answers inject {s.Inject} ({Names.Kebab(s.Kind)}): {Shorten(s.Text)}",
        TaskRated s => $"evaluator rates {s.Task} {Evaluation.HseepRatings.Letter(s.Rating)}{(s.Notes is null ? "" : $": {Shorten(s.Notes)}")}",
        ObservationRecorded s => $"evaluator observes{(s.Task is null ? "" : $" on {s.Task}")}: {Shorten(s.Text)}",
        HotWashRecorded s => $"hot wash from {s.By}",
        UseWanted s => $"{s.Evidence} is wanted {Use(s.Kind, s.For)}: {s.Note}",
        UseConsentAsked s => $"{s.Consent}: {s.By} asks {s.Giver} for consent to use {s.Evidence} {Use(s.Kind, s.For)} ({s.Source})",
        UseConsentAnswered s => $"{s.Consent}: {s.By} {(s.Granted ? "grants" : "REFUSES")} consent{(s.Reason is null ? "" : $": {s.Reason}")}",
        EvidenceUsed s => $"{s.By} uses {s.Evidence} {Use(s.Kind, s.For)}{(s.Consent is not null ? $" with consent ({s.Consent})" : s.NeededConsent ? " WITHOUT the consent it needs" : "; no consent needed")}",
        PersonToBeInformed s => $"{s.Request} produced data: {s.By} is to tell the person whose data they are without undue delay, or record why it delays ({s.Source})",
        PersonInformed s => $"{s.By} tells the person whose data {s.Request} obtained, with the remedies open to them ({s.Remedies})",
        InformingDelayed s => $"{s.By} delays telling the person whose data {s.Request} obtained: {s.Reason} ({s.Source})",
        OrderInDefault s => $"{s.Request} IN DEFAULT: {s.Provider} let the deadline of {JournalJson.Instant(s.Deadline)} pass without answering; the issuing state may ask for enforcement ({s.Source})",
        EnforcementRequested s => $"{s.By} asks {s.EnforcingAuthority} to enforce {s.Request}; it decides by {JournalJson.Instant(s.DecideBy)} ({s.Source})",
        EnforcementDecided s => $"{s.By} {(s.Recognised ? "recognises" : "does NOT recognise")} {s.Request} for enforcement: {s.Reason} ({s.Source})",
        PenaltyImposed s => $"PENALTY: {s.By} penalises {s.Provider} for not complying with {s.Request}: up to {s.CeilingShare:P0} of its worldwide annual turnover{(s.Ceiling is { } c ? $" ({c:0.##})" : "")} ({s.Source}); {s.Remedy}",
        PurposeViolated s => $"PURPOSE VIOLATED: {s.By} used {s.Evidence} {Use(s.Kind, s.For)} without {s.Giver}'s consent: {s.Why} ({s.Source})",
        UseExamined s => $"trial in {s.Investigating}, for {s.In}: {s.Evidence} {s.Verdict}{(s.Findings.Count == 0 ? "" : $": {string.Join("; ", s.Findings)}")}",
        _ => e.GetType().Name,
    };

    private static string Use(string kind, string target) => kind == "onward-transfer" ? $"passed on to {target}" : $"in {target}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
