using Simulator.Core.Common;

namespace Simulator.Core.World;

/// <summary>
/// A state's law that allows a measure only for listed offences or offences above a penalty threshold (Directive
/// 2014/41/EU Art. 11(1)(h)): obtaining data of <see cref="Categories"/> needs an offence punishable in the issuing
/// state by at least <see cref="MinimumYears"/>, and, where <see cref="Conducts"/> are given, one of them. <see cref="Law"/>
/// is that law, as the refusal cites it.
/// </summary>
public sealed record MeasureRestriction(IReadOnlyList<DataCategory> Categories, string Law, int? MinimumYears = null, IReadOnlyList<string>? Conducts = null)
{
    /// <summary>Whether the law allows the measure for <paramref name="offence"/>.</summary>
    public bool Admits(Offence offence) =>
        (MinimumYears is not { } years || offence.MaxPenaltyYears >= years)
        && (Conducts is not { Count: > 0 } listed || offence.Conducts.Any(listed.Contains));

    /// <summary>Whether it stands in the way of a request for <paramref name="categories"/> on <paramref name="offence"/>.</summary>
    public bool Bars(Offence offence, IEnumerable<DataCategory> categories) => categories.Any(Categories.Contains) && !Admits(offence);
}
