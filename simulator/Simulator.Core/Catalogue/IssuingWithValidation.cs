using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// Who else may issue an instrument, for which data, once an authority of their own state has validated the order
/// (REG Art. 4(1)(b), 4(2)(b), 4(3)(b): another competent authority acting as investigating authority, its order
/// validated by a judge, court, investigating judge or prosecutor after examining its conformity with the Regulation).
/// </summary>
public sealed record ValidationRule(
    IReadOnlyList<DataCategory> Categories,
    IReadOnlyList<AuthorityRole> Issuers,
    IReadOnlyList<AuthorityRole> Validators,
    string Source);

/// <summary>
/// In an emergency, the order is sent at once and validated afterwards (REG Art. 4(5)): for these categories only,
/// validation is sought within <see cref="Within"/>; where it is refused or does not come, the order is withdrawn
/// and the data it produced erased or their use restricted.
/// </summary>
public sealed record ValidationAfterwards(
    IReadOnlyList<DataCategory> Categories,
    LegalDuration Within,
    string Source,
    bool Unsure = false);

/// <summary>
/// An instrument's issuing with validation: its <see cref="Rules"/>, how long the validating authority takes to
/// examine an order (<see cref="Review"/>, the simulator's assumption), and the emergency exception
/// (<see cref="WithoutPriorValidation"/>), if the law gives one.
/// </summary>
public sealed record IssuingWithValidation(
    IReadOnlyList<ValidationRule> Rules,
    DurationRange Review,
    string ReviewSource,
    ValidationAfterwards? WithoutPriorValidation)
{
    /// <summary>
    /// What an order by <paramref name="issuer"/> needs for the categories it may not issue on its own: null where
    /// no rule lets that role issue them all with validation; otherwise the roles that may validate it (those every
    /// category's rule names) and, in an emergency where the exception covers every category the order asks for
    /// (<paramref name="ordered"/>), the period within which it is validated afterwards.
    /// </summary>
    public ValidationNeed? For(AuthorityRole issuer, IReadOnlyCollection<DataCategory> categories, bool emergency, IReadOnlyCollection<DataCategory> ordered)
    {
        IReadOnlyList<AuthorityRole>? validators = null;
        var sources = new List<string>();
        foreach (var category in categories)
        {
            var rule = Rules.FirstOrDefault(r => r.Categories.Contains(category) && r.Issuers.Contains(issuer));
            if (rule is null) return null;
            validators = validators is null ? rule.Validators : validators.Intersect(rule.Validators).ToList();
            if (!sources.Contains(rule.Source)) sources.Add(rule.Source);
        }
        if (validators is not { Count: > 0 }) return null;
        var afterwards = emergency && WithoutPriorValidation is { } exception && ordered.All(exception.Categories.Contains) ? exception : null;
        return new ValidationNeed(validators, string.Join("; ", sources), afterwards);
    }
}

/// <summary>What one order needs: validation by one of <see cref="Validators"/> of the issuing state, before it is
/// sent, or within <see cref="Afterwards"/>'s period after it is sent where the emergency exception applies.</summary>
public sealed record ValidationNeed(IReadOnlyList<AuthorityRole> Validators, string Source, ValidationAfterwards? Afterwards)
{
    public string DescribeValidators() => string.Join(" or ", Validators.Select(Names.Kebab));

    /// <summary>For people to read: who validates and when.</summary>
    public string Describe(string state) => Afterwards is { } a
        ? $"sent at once in this emergency; the {DescribeValidators()} of {state} validates it within {DurationText.Format(a.Within.Value)} ({a.Source}), or it is withdrawn and what it produced erased"
        : $"validated by the {DescribeValidators()} of {state} before it is sent ({Source})";
}
