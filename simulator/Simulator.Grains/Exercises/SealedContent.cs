using System.Text.Json.Nodes;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>What only the trainer may read: the MSEL's expected player actions. Removed for everyone else.</summary>
public static class SealedContent
{
    public static LiveEvent ForAudience(LiveEvent e, string audience)
    {
        if (audience == Audience.Trainer || e.Type != "InjectDelivered") return e;
        var data = JsonNode.Parse(e.Data)!.AsObject();
        if (!data.Remove("expectedAction")) return e;
        return e with { Data = data.ToJsonString(Core.Journal.JournalJson.Options) };
    }
}
