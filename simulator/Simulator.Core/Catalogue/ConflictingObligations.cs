using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>When the court reviewing a conflict of obligations lifts the order rather than upholding it.</summary>
public enum ConflictLifted
{
    /// <summary>The person whose data is sought is a national or resident of, or located in, the third country whose
    /// law forbids the disclosure: the case's connection to that country outweighs (REG Art. 17's weighing of the
    /// interests the third country's law protects and the case's connection to either jurisdiction).</summary>
    PersonOfThirdCountry,
}

/// <summary>
/// What happens when complying with an order would make its addressee break the law of a third country (REG Art. 17):
/// the addressee may raise a reasoned objection within <see cref="ObjectionWindow"/> of receipt; execution is then
/// suspended while the issuing authority, upholding the order, has its competent court review it
/// (<see cref="CourtReview"/>, the simulator's assumption); the court upholds the order, which is then executed, or
/// lifts it where <see cref="LiftedWhere"/> holds. The third country's bar is the state's law
/// (<see cref="World.DisclosureBar"/>), not the catalogue's.
/// </summary>
public sealed record ConflictingObligations(
    LegalDuration ObjectionWindow,
    DurationRange CourtReview,
    string CourtReviewSource,
    ConflictLifted LiftedWhere,
    string LiftSource,
    string Source,
    bool Unsure = false)
{
    /// <summary>The condition under which the court lifts the order, for people to read.</summary>
    public string DescribeLift() => LiftedWhere switch
    {
        ConflictLifted.PersonOfThirdCountry => "the court lifts the order where the person whose data is sought is a national or resident of, or located in, the third country, and upholds it otherwise",
        _ => throw new ArgumentOutOfRangeException(nameof(LiftedWhere)),
    };
}
