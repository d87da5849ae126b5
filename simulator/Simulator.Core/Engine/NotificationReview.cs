namespace Simulator.Core.Engine;

/// <summary>Where the enforcing authority's review of a notified EU production order stands (REG Arts. 10(2), 12(1)).</summary>
public enum NotificationReview
{
    /// <summary>The objection window runs and the enforcing authority has not decided.</summary>
    Open,
    /// <summary>It confirmed that it raises no ground: the addressee transfers at once where the catalogue says so.</summary>
    NoGround,
    /// <summary>It raised a ground: the order is refused, or the use of data already transferred in an emergency restricted.</summary>
    Objected,
    /// <summary>The window passed without a ground raised: the order stands.</summary>
    Passed,
}
