namespace Simulator.Core.Communications;

/// <summary>An inject or a lead handed from one office of a state to another (<see cref="Kind"/> is "inject" or "lead").</summary>
public sealed record Referral(string Item, string Kind, string From, string To, string? Note, DateTimeOffset At);
