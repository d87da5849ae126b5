using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// EU production orders for traffic or content data are notified to the state where the provider is addressed,
/// which may object within a window (REG Art. 8 and 12). <see cref="DomesticCaseSource"/>: the exception of Art. 8(2),
/// where set no notification is needed when the offence was committed in the issuing state and the person whose data is
/// sought resides there (<see cref="World.Offence.IsDomesticTo"/>). Catalogues written before it was data notify anyway.
/// <see cref="NoGroundSource"/>: where set, an enforcing authority that confirms within the window that it raises no
/// ground lets the addressee transfer at once (REG Art. 10(2)); without it, the data wait for the window's end.
/// <para><see cref="EmergencyTransferAtOnce"/>: in an emergency the notification does not hold the data back (REG
/// Art. 8(4), 10(4)): the provider transmits within its deadline, and an objection within the emergency window then
/// restricts the use of what was sent. Catalogues written before this was data held it for the window, and still do.</para>
/// </summary>
public sealed record EnforcingStateNotification(
    IReadOnlyList<DataCategory> Categories,
    LegalDuration ObjectionWindow,
    LegalDuration EmergencyObjectionWindow,
    string Source,
    bool EmergencyTransferAtOnce = false,
    string? EmergencyTransferSource = null,
    string? DomesticCaseSource = null,
    string? NoGroundSource = null)
{
    /// <summary>Whether an order from <paramref name="issuer"/> on this offence needs no notification under the exception (REG Art. 8(2)).</summary>
    public bool NotRequiredFor(World.Offence offence, string issuer) => DomesticCaseSource is not null && offence.IsDomesticTo(issuer);
}
