namespace Simulator.Core.Evaluation;

/// <summary>
/// HSEEP's four ratings of a critical task or objective, as an evaluator gives them (P, S, M, U). Their kebab-case
/// names are the automatic rater's (<see cref="Objectives.Ratings"/>), so that the two can be compared.
/// </summary>
public enum HseepRating
{
    /// <summary>P: performed without challenges.</summary>
    PerformedWithoutChallenges,
    /// <summary>S: performed with some challenges.</summary>
    PerformedWithSomeChallenges,
    /// <summary>M: performed with major challenges.</summary>
    PerformedWithMajorChallenges,
    /// <summary>U: unable to be performed.</summary>
    UnableToBePerformed,
}

public static class HseepRatings
{
    public static string Letter(HseepRating r) => r switch
    {
        HseepRating.PerformedWithoutChallenges => "P",
        HseepRating.PerformedWithSomeChallenges => "S",
        HseepRating.PerformedWithMajorChallenges => "M",
        _ => "U",
    };

    /// <summary>A rating written as its letter (P, S, M, U) or its name (performed-without-challenges, ...).</summary>
    public static bool TryParse(string? text, out HseepRating rating)
    {
        rating = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "P": rating = HseepRating.PerformedWithoutChallenges; return true;
            case "S": rating = HseepRating.PerformedWithSomeChallenges; return true;
            case "M": rating = HseepRating.PerformedWithMajorChallenges; return true;
            case "U": rating = HseepRating.UnableToBePerformed; return true;
        }
        return Common.Names.TryParse(text ?? "", out rating);
    }
}
