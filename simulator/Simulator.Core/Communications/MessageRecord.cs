namespace Simulator.Core.Communications;

/// <summary>A message in flight or delivered: what the views show and the engine's replies answer.</summary>
public sealed class MessageRecord
{
    public required string Id { get; init; }
    public required Correspondent From { get; init; }
    public required Correspondent To { get; init; }
    public required MessageChannel Channel { get; init; }
    public required string? Subject { get; init; }
    public required string Text { get; init; }
    /// <summary>An inject, a lead or a request the message is about, if any.</summary>
    public required string? About { get; init; }
    public required string? InReplyTo { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required DateTimeOffset DeliversAt { get; init; }
    /// <summary>Written by the trainer for the simulation cell (as an office no trainee holds, a provider, or an outside actor).</summary>
    public required bool ByTrainer { get; init; }
    public bool Delivered { get; set; }
}
