using Simulator.Core.Common;
using Simulator.Core.World;

namespace Simulator.Core.Catalogue;

/// <summary>
/// An exception the law gives a rule (not a .NET exception): where it applies, a refusal ground is not open, or a
/// precondition is met anyway. It applies to an offence with one of <see cref="Conducts"/> that, where the law says
/// so, is punishable in the issuing state by at least <see cref="MinimumYears"/> and was committed by means of an
/// information system. Examples: Budapest Art. 29(4) keeps the reservation away from offences under Arts. 2-11;
/// REG Art. 12(1)(d) keeps dual criminality away from the Annex IV offences punishable by at least three years.
/// An exception may instead be for a measure, whatever the offence: with <see cref="Categories"/> and no conducts, it
/// applies to a request that asks only for data of those categories (Directive 2014/41/EU Art. 11(2) keeps dual
/// criminality away from identifying the holder of a phone number or IP address, Art. 10(2)(e)).
/// </summary>
public sealed record ExceptionToRule(
    IReadOnlyList<string> Conducts,
    string Source,
    string? OffenceList = null,
    string? OffenceListName = null,
    int? MinimumYears = null,
    bool ByInformationSystem = false,
    IReadOnlyList<DataCategory>? Categories = null)
{
    /// <summary>Whether it applies to this offence and, for an exception for a measure, to a request for <paramref name="categories"/>.</summary>
    public bool AppliesTo(Offence offence, IReadOnlyCollection<DataCategory>? categories = null) =>
        (Categories is not { Count: > 0 } only || (categories is { Count: > 0 } && categories.All(only.Contains)))
        && (Conducts.Count == 0 || offence.Conducts.Any(Conducts.Contains))
        && (Conducts.Count > 0 || Categories is { Count: > 0 })
        && (MinimumYears is not { } years || offence.MaxPenaltyYears >= years)
        && (!ByInformationSystem || offence.ByInformationSystem);

    /// <summary>The exception in words, rendered from its fields so that no condition lives only in prose.</summary>
    public string Describe()
    {
        var offences = OffenceListName ?? string.Join(", ", Conducts);
        var measure = Categories is { Count: > 0 } only ? $"a request for {string.Join(" and ", only.Select(c => Names.Kebab(c)))} data only" : "";
        var what = measure.Length == 0 ? offences : offences.Length == 0 ? measure : $"{measure}, for {offences}";
        var years = MinimumYears is { } y ? $", punishable in the issuing state by at least {y} years" : "";
        var means = ByInformationSystem ? ", committed by means of an information system" : "";
        return $"not for {what}{years}{means} ({Source})";
    }
}
