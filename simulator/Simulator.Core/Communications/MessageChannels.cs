using Simulator.Core.Common;

namespace Simulator.Core.Communications;

/// <summary>
/// The channels offices talk on, as data: between whom each runs and how long it takes. The delays are exercise
/// figures, not law (a call connects in minutes, a letter through the central authorities takes days); who may use a
/// channel is the law's (a 24/7 network call runs between points of contact, Budapest Art. 35; central authorities
/// correspond directly, Art. 27(2)).
/// </summary>
public static class MessageChannels
{
    public static readonly IReadOnlyList<ChannelRule> All =
    [
        new(MessageChannel.Phone, "Phone call", "offices of one state", DurationRange.Exactly(TimeSpan.Zero), false,
            "a call to a colleague: no formality"),
        new(MessageChannel.ContactPointNetwork, "24/7 network call", "the 24/7 points of contact of two states", DurationRange.Parse("5min..30min"), true,
            "Budapest Convention Art. 35 (24/7 network); a point of contact that keeps office hours answers at its next opening"),
        new(MessageChannel.SecureEmail, "Secure e-mail", "any two offices, or an office and a provider's law-enforcement desk", DurationRange.Parse("10min..4h~1h"), true,
            "read when the recipient's office is open"),
        new(MessageChannel.OfficialLetter, "Official letter through the central authorities", "the central authorities of two states", DurationRange.Parse("2d..10d~4d"), true,
            "Budapest Convention Art. 27(2) (central authorities communicate directly); Art. 25(3) allows expedited means in urgent cases"),
    ];

    public static ChannelRule Rule(MessageChannel channel) => All.First(r => r.Channel == channel);

    /// <summary>Why this channel cannot carry a message from <paramref name="from"/> to <paramref name="to"/>, or null when it can.</summary>
    public static string? Refusal(MessageChannel channel, Correspondent from, Correspondent to)
    {
        var rule = Rule(channel);
        bool Offices(out Seat a, out Seat b)
        {
            (a, b) = (from.Office ?? default, to.Office ?? default);
            return from.IsOffice && to.IsOffice;
        }
        var ok = channel switch
        {
            MessageChannel.Phone => Offices(out var a, out var b) && a.Jurisdiction == b.Jurisdiction
                || from.IsOutsideActor && to.IsOffice, // the simulation cell calls a player
            MessageChannel.ContactPointNetwork => Offices(out var a, out var b) && a.Jurisdiction != b.Jurisdiction
                && a.Role == AuthorityRole.ContactPoint && b.Role == AuthorityRole.ContactPoint,
            MessageChannel.SecureEmail => !to.IsOutsideActor,
            MessageChannel.OfficialLetter => Offices(out var a, out var b) && a.Jurisdiction != b.Jurisdiction
                && a.Role == AuthorityRole.CentralAuthority && b.Role == AuthorityRole.CentralAuthority,
            _ => false,
        };
        return ok ? null : $"a {rule.Name.ToLowerInvariant()} runs between {rule.Between}, not from {from} to {to}";
    }
}
