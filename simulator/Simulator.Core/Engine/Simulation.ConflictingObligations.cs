using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.Rules;

namespace Simulator.Core.Engine;

/// <summary>
/// An order whose addressee would break a third country's law by complying (REG Art. 17): the addressee objects,
/// execution is suspended while the issuing state's court reviews the order, and the court upholds or lifts it.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// At the addressee's review: where complying would break its home state's law, and the objection window since
    /// receipt is still open, the addressee objects and the request waits for the court. An addressee that let the
    /// window pass complies.
    /// </summary>
    private bool ObjectsToConflict(RequestRecord r)
    {
        if (r.ConflictRaised || r.Instrument.ConflictingObligations is not { } rule || r.ReceivedAt is not { } received) return false;
        if (ConflictOfLaws.For(r.Instrument, World, r.Provider, r.Issuer, r.Items.Select(i => i.Category)) is not { } conflict) return false;
        if (Now > rule.ObjectionWindow.EndsFrom(received, World.Jurisdiction(r.RequestedState).Calendar)) return false;

        r.ConflictRaised = true;
        if (r.State == RequestState.Received) Transition(r, RequestTrigger.StartReview, ReviewOfficeId(r)); // an emergency order reaches the addressee's desk too
        // Execution is suspended pending the review (Art. 17(3)): the deadline no longer runs.
        r.Deadline = null;
        var review = rule.CourtReview.Draw(r.Random.Derive("court"), CapabilityFactor(r.Issuer));
        var court = Names.Seat(r.Issuer, AuthorityRole.Judge);
        Record(new ConflictingObligationRaised(r.Id, $"provider/{r.Provider.Id}", conflict.ThirdCountry, conflict.Barred, conflict.Bar.Source, rule.Source, court, Now + review));
        Step(r, review, () => CourtReviews(r, rule, conflict, court));
        return true;
    }

    /// <summary>
    /// The issuing state's court weighs the conflict (Art. 17's review): it upholds the order, and the addressee executes
    /// it, or lifts it. Lifted, the order is refused; from rules 2026.12.12 only as to the data the third country's law
    /// bars, since for the rest no conflict exists and the order stands (Art. 17(4)-(5)): the addressee produces those.
    /// </summary>
    private void CourtReviews(RequestRecord r, ConflictingObligations rule, ConflictOfLaws conflict, string court)
    {
        if (r.State != RequestState.UnderReview) return;
        var lifted = rule.LiftedWhere switch
        {
            ConflictLifted.PersonOfThirdCountry => World.IncidentOf(r.Items[0]).Offence.PersonIsOf(conflict.ThirdCountry),
            _ => false,
        };
        var unbarred = r.Items.Select(i => i.Category).Where(c => !conflict.Barred.Contains(c)).Distinct().Order().ToList();
        var inPart = lifted && Options.CourtLiftsOnlyBarredData && unbarred.Count > 0;
        var reason = !lifted
            ? $"the case's connection is not to {conflict.ThirdCountry}: the order is upheld and the addressee must comply"
            : inPart
                ? $"the person whose data is sought is connected to {conflict.ThirdCountry}: the interests its law protects prevail for the data it bars, and the order is lifted as to them; {conflict.ThirdCountry}'s law does not bar the {string.Join(" and ", unbarred.Select(Names.Kebab))} data, so no conflict exists for them and the order stands for them (REG Art. 17(5))"
                : $"the person whose data is sought is connected to {conflict.ThirdCountry}: the interests its law protects prevail, and the order is lifted";
        Record(new ConflictingObligationReviewed(r.Id, court, !lifted, reason, rule.LiftSource, inPart ? conflict.Barred : null));
        if (lifted && !inPart)
        {
            Refuse(r, "conflicting-obligations", $"the court lifted the order: {conflict.Describe()}", rule.LiftSource, court);
            return;
        }
        if (inPart) r.Withheld = conflict.Barred.ToHashSet();
        Transition(r, RequestTrigger.Approve, court);
        Execute(r);
    }
}
