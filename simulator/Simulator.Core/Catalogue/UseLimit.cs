namespace Simulator.Core.Catalogue;

/// <summary>What a state that received evidence may want to do with it beyond the purpose it was given for.</summary>
public enum UseKind
{
    /// <summary>Use it in another investigation or proceedings of its own than the one the request stated.</summary>
    OtherInvestigation,
    /// <summary>Pass it on to another state.</summary>
    OnwardTransfer,
}

/// <summary>
/// Purpose limitation and speciality (issue 14 item 2, docs/safeguards.md): evidence a state gave under an instrument
/// was given for the investigation the request stated; to put it to <see cref="Use"/> the receiving state needs the
/// giving state's consent where <see cref="NeedsConsent"/>, under <see cref="Source"/>. <see cref="ConsentGroundsOf"/>:
/// the instrument whose refusal grounds the giving state may withhold consent on, where they are not the instrument's
/// own (a joint team's member may withhold it where it could refuse mutual assistance, 2000 EU MLA Convention
/// Art. 13(10)(b)). An instrument without a limit for a use leaves it to national law (<see cref="Instrument.UseLimitFor"/>).
/// <see cref="ConditionSource"/>: where the use needs no consent in general but the giving state may make it a condition
/// of giving the evidence in a particular case (EU-US MLA Agreement Art. 9(2); CETS 224 Arts. 9, 14), the article that
/// lets it; the condition is then attached case by case, when the request is approved (<see cref="CaseCondition"/>).
/// </summary>
public sealed record UseLimit(UseKind Use, bool NeedsConsent, string Source, bool Unsure = false, string? ConsentGroundsOf = null, string? ConditionSource = null)
{
    /// <summary>The limit in words, from its fields, so that no condition lives only in prose.</summary>
    public string Describe() =>
        (NeedsConsent ? "needs the giving state's consent" : "needs no consent") + $" ({Source})"
        + (ConsentGroundsOf is { } other ? $"; consent may be withheld on the grounds of {other}" : "")
        + (ConditionSource is { } condition ? $"; the giving state may make it need its consent in a particular case ({condition})" : "");
}

/// <summary>
/// A condition the giving state attached when it approved a request (<see cref="UseLimit.ConditionSource"/>): this use
/// of what it gives needs its consent, under <see cref="Source"/>, though the instrument's general terms need none.
/// </summary>
public sealed record CaseCondition(UseKind Use, string By, string Source)
{
    /// <summary>The limit the condition sets: consent needed, under the article that let the state attach it.</summary>
    public UseLimit AsLimit() => new(Use, true, $"a condition {By} attached when it approved the request ({Source})");
}
