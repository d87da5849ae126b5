namespace Simulator.Core.Engine;

/// <summary>
/// The version of the engine's rules of play: how the core turns a scenario, a catalogue, a seed and decisions into
/// a journal. Exercises and records keep the version they were made under (beside the scenario and catalogue text),
/// so that a rebuild or replay under other rules that departs from what was stored says so, and from which event,
/// instead of rewriting what happened. Raise it with every change that makes an existing journal come out
/// differently: the pinned journals test (tests/Simulator.Scenarios.Tests/PinnedJournalTests.cs) fails until it is.
/// </summary>
public static class RulesVersion
{
    /// <summary>
    /// 2026.12.1: the rules when exercises began to pin them (and of every exercise made before). 2026.12.2: the
    /// policy plays the offices no trainee holds in seated states too, not only in states nobody sits for.
    /// 2026.12.3: the policies follow practice (<see cref="PoliciesFollowPractice"/>). 2026.12.4: an objective met by
    /// asking for or obtaining a preservation is rated lower when its item was lost all the same (<see cref="LaterLossLowersRatings"/>),
    /// and the engine's reply to a message says where the request it is about stands, or a provider asks for the detail it
    /// lacks (<see cref="RepliesFollowTheCase"/>). 2026.12.5: an office with office hours answers only when it is open
    /// (<see cref="AnswersInOfficeHours"/>). 2026.12.6: the policies that escalate also mark a request urgent where its
    /// instrument has urgent handling and the facts show its condition (<see cref="PoliciesMarkUrgent"/>). 2026.12.7: the
    /// policies order apart what a third country's law bars, so the rest is not held up by the objection (<see cref="PoliciesSplitConflicts"/>).
    /// 2026.12.8: the exercise ends with a trial in each investigating state that examines every secured item (<see cref="HoldsTrial"/>).
    /// 2026.12.9: an order whose addressee lets the deadline pass is recorded in default, and the policies ask for its
    /// enforcement where the instrument provides for it (<see cref="RecordsDefaults"/>, REG Art. 16). 2026.12.10: an order
    /// that produced data makes telling the person whose data they are due, and the policies tell them or record why they
    /// delay (<see cref="InformsPersons"/>, REG Art. 13). 2026.12.11: only the issuing authority tells the person or
    /// records the delay: the seat that issued the order, or the one that validated it (<see cref="OnlyTheIssuingAuthorityInforms"/>).
    /// 2026.12.12: a court that lifts an order under REG Art. 17 lifts it only as to the data the third country's law
    /// bars, and upholds it for the rest (<see cref="CourtLiftsOnlyBarredData"/>); a trainee holding the issuing state's
    /// judge seat is that court and decides (<see cref="SeatedCourtReviewsConflicts"/>). 2026.12.13: a trainee holding
    /// the enforcing state's judge seat is the enforcing authority that reviews a notified EU production order and
    /// decides whether to raise a ground (<see cref="SeatedEnforcingAuthorityReviews"/>, REG Arts. 10 and 12).
    /// </summary>
    public const string Current = "2026.12.13";

    /// <summary>The rules of exercises stored before they pinned theirs.</summary>
    public const string BeforePinning = "2026.12.1";

    /// <summary>Whether, under <paramref name="version"/>, the policy plays the unheld offices of a state some trainee sits for.</summary>
    public static bool PolicyPlaysSeatedStates(string? version) => Compare(version ?? BeforePinning, "2026.12.2") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, the shipped policies act as a careful practitioner would: preserve
    /// beside their emergency requests, follow up an empty or partial answer with the next instrument, send a
    /// quicker route for the items it covers when it does not cover all of a holder's items, and use 18 USC 2703(f)
    /// before a generic domestic preservation order in a US-led case.
    /// </summary>
    public static bool PoliciesFollowPractice(string? version) => Compare(version ?? BeforePinning, "2026.12.3") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, the end's rating of a preservation objective (requested, or in force,
    /// by a time) counts the item's loss after it was met: the freeze asked for on time did not keep the data.
    /// </summary>
    public static bool LaterLossLowersRatings(string? version) => Compare(version ?? BeforePinning, "2026.12.4") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, an office the engine plays (or a provider's desk), written to about a
    /// request it holds, says in its reply where the request stands and about when it will move; and a provider's desk
    /// written to about nothing in particular asks for the identifier and time window it would need.
    /// </summary>
    public static bool RepliesFollowTheCase(string? version) => Compare(version ?? BeforePinning, "2026.12.4") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a case worked by an office with office hours is answered only when the
    /// office is open: work that would end at night or on a day off ends at the next opening.
    /// </summary>
    public static bool AnswersInOfficeHours(string? version) => Compare(version ?? BeforePinning, "2026.12.5") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a policy that escalates marks a request urgent (Budapest Art. 31(3))
    /// where the instrument provides for it and the facts show its condition: data still vulnerable to loss.
    /// </summary>
    public static bool PoliciesMarkUrgent(string? version) => Compare(version ?? BeforePinning, "2026.12.6") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a policy sends the items a third country's law bars its provider from
    /// disclosing (REG Art. 17) in an order of their own, so the addressee's objection holds up only those.
    /// </summary>
    public static bool PoliciesSplitConflicts(string? version) => Compare(version ?? BeforePinning, "2026.12.7") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, the end of the exercise holds the trial: each secured item examined
    /// in its investigating state and given a verdict (admissible, under challenge, excluded), recorded in the journal.
    /// </summary>
    public static bool HoldsTrial(string? version) => Compare(version ?? BeforePinning, "2026.12.8") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, an order with an enforcement procedure whose addressee lets the
    /// deadline pass unanswered is recorded in default at the deadline (and the policies, told of it, ask for enforcement).
    /// </summary>
    public static bool RecordsDefaults(string? version) => Compare(version ?? BeforePinning, "2026.12.9") >= 0;

    /// <summary>Whether, under <paramref name="version"/>, an order whose instrument says so makes telling the person whose data it produced due (REG Art. 13).</summary>
    public static bool InformsPersons(string? version) => Compare(version ?? BeforePinning, "2026.12.10") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, only the issuing authority (the seat that issued the order, or the one
    /// that validated it) informs the person (REG Art. 13(1)); before 2026.12.11 any seat of the issuing state could.
    /// </summary>
    public static bool OnlyTheIssuingAuthorityInforms(string? version) => Compare(version ?? BeforePinning, "2026.12.11") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a court reviewing a conflict of obligations (REG Art. 17) that lifts the
    /// order lifts it only as to the data the third country's law bars: for the rest no conflict exists, so the order is
    /// upheld for them (Art. 17(4)-(5)) and the addressee produces them. Before 2026.12.12 it lifted the whole order.
    /// </summary>
    public static bool CourtLiftsOnlyBarredData(string? version) => Compare(version ?? BeforePinning, "2026.12.12") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a trainee holding the issuing state's judge seat reviews an addressee's
    /// objection under REG Art. 17 as its court; before 2026.12.12 the engine did, whoever sat there.
    /// </summary>
    public static bool SeatedCourtReviewsConflicts(string? version) => Compare(version ?? BeforePinning, "2026.12.12") >= 0;

    /// <summary>
    /// Whether, under <paramref name="version"/>, a trainee holding the enforcing state's judge seat reviews a notified
    /// EU production order within its objection window and raises a ground or none (REG Arts. 10(2), 12(1)); before
    /// 2026.12.13 the engine did, whoever sat there.
    /// </summary>
    public static bool SeatedEnforcingAuthorityReviews(string? version) => Compare(version ?? BeforePinning, "2026.12.13") >= 0;

    /// <summary>Orders versions written year.month.release.</summary>
    public static int Compare(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var p = i < x.Length && int.TryParse(x[i], out var xi) ? xi : 0;
            var q = i < y.Length && int.TryParse(y[i], out var yi) ? yi : 0;
            if (p != q) return p.CompareTo(q);
        }
        return 0;
    }
}
