namespace Simulator.Core.Communications;

/// <summary>How long what people write may be: the core refuses more, so that a record replays what was accepted.</summary>
public static class MessageLimits
{
    public const int Text = 4000, Subject = 200, Note = 1000, ActorName = 80;
}
