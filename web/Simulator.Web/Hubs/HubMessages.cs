namespace Simulator.Web.Hubs;

/// <summary>Names of the messages the server sends to clients; see docs/hub.md.</summary>
public static class HubMessages
{
    /// <summary>(exerciseId, events[], clock): new journal events the receiving connection may see.</summary>
    public const string Events = "Events";

    /// <summary>(exerciseId, {clock, lastSequence, view}): shortly after Events, the receiving audience's view after them (a state's view for its seats).</summary>
    public const string View = "View";

    /// <summary>(exerciseId, clock): the clock, after every change, to every connection of the exercise that received no events for it.</summary>
    public const string Clock = "Clock";

    /// <summary>(exerciseId, presence[]): who is connected, to the trainer and observers, whenever someone joins or leaves.</summary>
    public const string Presence = "Presence";

    /// <summary>(exerciseId): the state, provider or investigation grains the receiving connection may read hold new states.</summary>
    public const string Entities = "Entities";

    /// <summary>(exerciseId, reason, expired): the receiving console's token was revoked, left, or expired; it is disconnected next, and may join again with a code (at once when it expired).</summary>
    public const string AccessEnded = "AccessEnded";
}

/// <summary>SignalR group names: one per audience of one exercise.</summary>
public static class HubGroups
{
    public static string For(string exerciseId, string audience) => $"{exerciseId}|{audience}";

    /// <summary>Every connection of the exercise, whoever it is: for the clock, which everyone may see.</summary>
    public static string Everyone(string exerciseId) => $"{exerciseId}|everyone";
}

/// <summary>The body of a <see cref="HubMessages.View"/> message: the clock, the exercise's latest sequence, and the view (docs/hub.md "Views").</summary>
public sealed record PushedView(Simulator.Grains.Contracts.ClockState Clock, long LastSequence, Simulator.Grains.Contracts.ConsoleView View);
