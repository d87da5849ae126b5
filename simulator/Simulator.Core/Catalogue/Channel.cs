namespace Simulator.Core.Catalogue;

/// <summary>The route a request travels; it decides who receives, reviews and executes it.</summary>
public enum Channel
{
    /// <summary>An authority orders a provider on its own territory (Budapest Arts. 16-18).</summary>
    Domestic,
    /// <summary>24/7 point of contact to 24/7 point of contact (Budapest Art. 35), which has the provider execute.</summary>
    ContactPoints,
    /// <summary>Central authority to central authority (Budapest Arts. 25-27, 31) or, for letters rogatory, the diplomatic route.</summary>
    CentralAuthorities,
    /// <summary>An order or request sent by the issuing authority straight to a foreign provider.</summary>
    DirectToProvider,
    /// <summary>No request at all: the issuing state reaches the data itself (Budapest Art. 32).</summary>
    Unilateral,
    /// <summary>A joint investigation team: set up by agreement (each request sets one up, timing.setup), then the requested state's prosecutor, a member, reviews.</summary>
    JointTeam,
}
