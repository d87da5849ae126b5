using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// EU production orders for traffic or content data are notified to the state where the provider is addressed,
/// which may object within a window (REG Art. 8 and 12). No notification is needed when the offence was committed
/// and the person lives in the issuing state.
/// </summary>
public sealed record EnforcingStateNotification(
    IReadOnlyList<DataCategory> Categories,
    LegalDuration ObjectionWindow,
    LegalDuration EmergencyObjectionWindow,
    string Source);
