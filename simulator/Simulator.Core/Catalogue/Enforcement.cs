using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// What the issuing state may do when the addressee of a binding order lets its deadline pass without answering
/// (REG 2023/1543 Art. 16): ask the enforcing state to enforce the order. That state recognises it within
/// <see cref="Recognition"/> of receipt, unless one of <see cref="Grounds"/> (the instrument's refusal grounds the
/// enforcing authority may raise against enforcement, <see cref="GroundsSource"/>) holds, and formally
/// requires the addressee to comply (<see cref="Source"/>). An addressee that still does not comply is given a pecuniary
/// penalty of up to <see cref="PenaltyCeiling"/> of its worldwide annual turnover (<see cref="PenaltySource"/>), against
/// which it has a judicial remedy (<see cref="RemedySource"/>). How long the enforcing authority and the addressee take
/// (<see cref="RecognitionTime"/>, <see cref="Compliance"/>) is the simulator's assumption (<see cref="TimesSource"/>).
/// </summary>
public sealed record Enforcement(
    LegalDuration Recognition,
    DurationRange RecognitionTime,
    DurationRange Compliance,
    string TimesSource,
    double PenaltyCeiling,
    string PenaltySource,
    string RemedySource,
    string Source,
    IReadOnlyList<string> Grounds,
    string GroundsSource,
    bool Unsure = false);
