namespace Simulator.Core.Communications;

/// <summary>How one office reaches another, or a provider, outside the formal requests (<see cref="MessageChannels"/> says between whom and how long each takes).</summary>
public enum MessageChannel
{
    /// <summary>A call between offices of one state.</summary>
    Phone,
    /// <summary>A call on the 24/7 network, between the points of contact of two states (Budapest Art. 35).</summary>
    ContactPointNetwork,
    /// <summary>Secure e-mail: any office to any office, or to a provider's law-enforcement desk.</summary>
    SecureEmail,
    /// <summary>An official letter, central authority to central authority (Budapest Art. 27(2)).</summary>
    OfficialLetter,
}
