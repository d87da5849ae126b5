using Simulator.Core.Journal;
using Simulator.Core.Policies;

namespace Simulator.Core.Engine;

/// <summary>
/// How one run is played: its seed, the policy that plays every office no trainee holds, and the seats people hold
/// (the engine waits for their decisions instead of deciding for them). <see cref="PolicyPlaysSeatedStates"/> is
/// false only for exercises made under rules before 2026.12.2, when a state with any trainee was left entirely to
/// its trainees (<see cref="RulesVersion.PolicyPlaysSeatedStates"/>). <see cref="LaterLossLowersRatings"/> is false
/// only for exercises made under rules before 2026.12.4 (<see cref="RulesVersion.LaterLossLowersRatings"/>), as is
/// <see cref="RepliesFollowTheCase"/>; <see cref="AnswersInOfficeHours"/> before 2026.12.5; <see cref="HoldsTrial"/> before
/// 2026.12.8 (<see cref="RulesVersion.HoldsTrial"/>); <see cref="RecordsDefaults"/> before 2026.12.9; <see cref="InformsPersons"/> before 2026.12.10; <see cref="OnlyTheIssuingAuthorityInforms"/> before 2026.12.11; <see cref="CourtLiftsOnlyBarredData"/> and <see cref="SeatedCourtReviewsConflicts"/> before 2026.12.12; <see cref="SeatedEnforcingAuthorityReviews"/> before 2026.12.13. <see cref="Under"/> sets
/// them all from a rules version.
/// </summary>
public sealed record SimulationOptions(
    long Seed,
    IInvestigationPolicy Policy,
    IReadOnlySet<string>? HumanSeats = null,
    Action<JournalEntry>? OnJournal = null,
    bool PolicyPlaysSeatedStates = true,
    bool LaterLossLowersRatings = true,
    bool RepliesFollowTheCase = true,
    bool AnswersInOfficeHours = true,
    bool HoldsTrial = true,
    bool RecordsDefaults = true,
    bool InformsPersons = true,
    bool OnlyTheIssuingAuthorityInforms = true,
    bool CourtLiftsOnlyBarredData = true,
    bool SeatedCourtReviewsConflicts = true,
    bool SeatedEnforcingAuthorityReviews = true)
{
    /// <summary>
    /// The options of a run under the rules of <paramref name="rulesVersion"/>. A stored exercise or record that names
    /// none was made before rules were pinned: pass <see cref="RulesVersion.BeforePinning"/> for it, not the current rules.
    /// </summary>
    public static SimulationOptions Under(string rulesVersion, long seed, IInvestigationPolicy policy, IReadOnlySet<string>? humanSeats = null,
        Action<JournalEntry>? onJournal = null) =>
        new(seed, policy, humanSeats, onJournal,
            PolicyPlaysSeatedStates: RulesVersion.PolicyPlaysSeatedStates(rulesVersion),
            LaterLossLowersRatings: RulesVersion.LaterLossLowersRatings(rulesVersion),
            RepliesFollowTheCase: RulesVersion.RepliesFollowTheCase(rulesVersion),
            AnswersInOfficeHours: RulesVersion.AnswersInOfficeHours(rulesVersion),
            HoldsTrial: RulesVersion.HoldsTrial(rulesVersion),
            RecordsDefaults: RulesVersion.RecordsDefaults(rulesVersion),
            InformsPersons: RulesVersion.InformsPersons(rulesVersion),
            OnlyTheIssuingAuthorityInforms: RulesVersion.OnlyTheIssuingAuthorityInforms(rulesVersion),
            CourtLiftsOnlyBarredData: RulesVersion.CourtLiftsOnlyBarredData(rulesVersion),
            SeatedCourtReviewsConflicts: RulesVersion.SeatedCourtReviewsConflicts(rulesVersion),
            SeatedEnforcingAuthorityReviews: RulesVersion.SeatedEnforcingAuthorityReviews(rulesVersion));
}
