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
/// </summary>
public sealed record UseLimit(UseKind Use, bool NeedsConsent, string Source, bool Unsure = false, string? ConsentGroundsOf = null)
{
    /// <summary>The limit in words, from its fields, so that no condition lives only in prose.</summary>
    public string Describe() =>
        (NeedsConsent ? "needs the giving state's consent" : "needs no consent") + $" ({Source})"
        + (ConsentGroundsOf is { } other ? $"; consent may be withheld on the grounds of {other}" : "");
}
