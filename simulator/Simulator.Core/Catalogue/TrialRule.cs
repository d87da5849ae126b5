namespace Simulator.Core.Catalogue;

/// <summary>What a court examining a secured item at trial may find against it.</summary>
public enum TrialCondition
{
    /// <summary>Its custody chain does not verify: a step was changed, or its content changed on the way.</summary>
    CustodyUnverified,
    /// <summary>It came with records beyond what the facts support: the request that secured it was over-broad and nobody narrowed it.</summary>
    BeyondNeed,
    /// <summary>
    /// It was secured by an emergency request whose claim did not hold: the threat was found never to have existed
    /// (the claim was made in good faith on what was known then, and the defence may test it).
    /// </summary>
    EmergencyClaimDidNotHold,
    /// <summary>
    /// It is relied on in another investigation than the one it was given for, without the consent the giving state's
    /// terms require (purpose limitation and speciality: <see cref="UseLimit"/>). Examined in that other investigation.
    /// </summary>
    UsedWithoutConsent,
}

/// <summary>What the court makes of a secured item, worst first in <see cref="Verdicts.Worst"/>.</summary>
public enum Verdict
{
    Admissible,
    /// <summary>Admitted, but open to a challenge the defence can bring; it may yet fall.</summary>
    AdmissibleUnderChallenge,
    Excluded,
}

/// <summary>
/// One rule of the trial in the investigating state: when <see cref="When"/> holds for a secured item, the court's
/// <see cref="Verdict"/>, under <see cref="Source"/>. The catalogue states the general rules; a state's own law may set
/// another verdict for a condition (a scenario's <c>admissibility</c>). <see cref="Unsure"/> where the verdict is the
/// simulator's reading rather than the text's (admissibility is national law, which the Regulation leaves alone).
/// </summary>
public sealed record TrialRule(TrialCondition When, Verdict Verdict, string Source, bool Unsure = false);

public static class Verdicts
{
    public static Verdict Worst(IEnumerable<Verdict> verdicts) => verdicts.DefaultIfEmpty(Verdict.Admissible).Max();
}
