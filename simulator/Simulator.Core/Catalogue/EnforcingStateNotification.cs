using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// EU production orders for traffic or content data are notified to the state where the provider is addressed,
/// which may object within a window (REG Art. 8 and 12). The exception of Art. 8(2) (offence committed and person
/// living in the issuing state: no notification) is not modelled.
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
    string? EmergencyTransferSource = null);
