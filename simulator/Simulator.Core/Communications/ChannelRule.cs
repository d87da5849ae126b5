using Simulator.Core.Common;

namespace Simulator.Core.Communications;

/// <summary>Who may use a channel, how long it takes to reach the other side, and where that comes from.</summary>
/// <param name="Delay">From sending to the recipient having it; an office that keeps office hours then reads it at its next opening where <paramref name="ReadInOfficeHours"/>.</param>
public sealed record ChannelRule(MessageChannel Channel, string Name, string Between, DurationRange Delay, bool ReadInOfficeHours, string Source);
