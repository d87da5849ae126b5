namespace Simulator.Core.Evaluation;

/// <summary>The evaluator's rating of a critical task or an objective, with notes; a later rating of the same one replaces it.</summary>
public sealed record TaskRating(string Task, HseepRating Rating, string? Notes, DateTimeOffset At);

/// <summary>What the evaluator saw, tied to the journal events it is about and, if given, to a critical task or objective.</summary>
public sealed record Observation(string Id, string Text, IReadOnlyList<long> Events, string? Task, DateTimeOffset At);

/// <summary>One contribution to the hot wash: from a seat, the trainer or the evaluator, what went well and what to improve.</summary>
public sealed record HotWashEntry(string By, string? Strengths, string? Improvements, DateTimeOffset At);
