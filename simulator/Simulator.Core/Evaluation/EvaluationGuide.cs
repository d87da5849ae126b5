namespace Simulator.Core.Evaluation;

/// <summary>
/// One critical task of an Exercise Evaluation Guide (HSEEP): what the players must do, what the evaluator looks for
/// while they do it, and the objective whose measure rates it from the journal (none for a task only people can judge).
/// </summary>
public sealed record CriticalTask(string Id, string Task, IReadOnlyList<string> LookFor, string? Objective);

/// <summary>An Exercise Evaluation Guide for one capability: its target (the performance the exercise expects) and its critical tasks.</summary>
public sealed record EvaluationGuide(string Capability, string Target, IReadOnlyList<CriticalTask> Tasks);
