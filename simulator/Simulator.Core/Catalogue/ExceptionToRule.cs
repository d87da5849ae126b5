using Simulator.Core.World;

namespace Simulator.Core.Catalogue;

/// <summary>
/// An exception the law gives a rule (not a .NET exception): where it applies, a refusal ground is not open, or a
/// precondition is met anyway. It applies to an offence with one of <see cref="Conducts"/> that, where the law says
/// so, is punishable in the issuing state by at least <see cref="MinimumYears"/> and was committed by means of an
/// information system. Examples: Budapest Art. 29(4) keeps the reservation away from offences under Arts. 2-11;
/// REG Art. 12(1)(d) keeps dual criminality away from the Annex IV offences punishable by at least three years.
/// </summary>
public sealed record ExceptionToRule(
    IReadOnlyList<string> Conducts,
    string Source,
    string? OffenceList = null,
    string? OffenceListName = null,
    int? MinimumYears = null,
    bool ByInformationSystem = false)
{
    public bool AppliesTo(Offence offence) =>
        offence.Conducts.Any(Conducts.Contains)
        && (MinimumYears is not { } years || offence.MaxPenaltyYears >= years)
        && (!ByInformationSystem || offence.ByInformationSystem);

    /// <summary>The exception in words, rendered from its fields so that no condition lives only in prose.</summary>
    public string Describe()
    {
        var what = OffenceListName ?? string.Join(", ", Conducts);
        var years = MinimumYears is { } y ? $", punishable in the issuing state by at least {y} years" : "";
        var means = ByInformationSystem ? ", committed by means of an information system" : "";
        return $"not for {what}{years}{means} ({Source})";
    }
}
