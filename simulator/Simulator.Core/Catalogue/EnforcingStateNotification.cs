using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// EU production orders for traffic or content data are notified to the state where the provider is addressed,
/// which may object within a window (REG Art. 8 and 12). The exception of Art. 8(2) (offence committed and person
/// living in the issuing state: no notification) is not modelled.
/// </summary>
public sealed record EnforcingStateNotification(
    IReadOnlyList<DataCategory> Categories,
    LegalDuration ObjectionWindow,
    LegalDuration EmergencyObjectionWindow,
    string Source);
