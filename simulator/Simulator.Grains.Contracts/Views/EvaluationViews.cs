namespace Simulator.Grains.Contracts;

// The evaluator's part of the overview (Core/Evaluation): the scenario's evaluation guides, the ratings that stand,
// the observations and the hot wash. The trainer and the evaluator see it; observers and seats do not.

[GenerateSerializer, Immutable]
public sealed record EvaluationView(
    [property: Id(0)] IReadOnlyList<GuideView> Guides,
    [property: Id(1)] IReadOnlyList<RatingView> Ratings,
    [property: Id(2)] IReadOnlyList<ObservationView> Observations,
    [property: Id(3)] IReadOnlyList<HotWashView> HotWash);

/// <summary>An Exercise Evaluation Guide: a capability, its target, its critical tasks.</summary>
[GenerateSerializer, Immutable]
public sealed record GuideView(
    [property: Id(0)] string Capability,
    [property: Id(1)] string Target,
    [property: Id(2)] IReadOnlyList<CriticalTaskView> Tasks);

/// <summary>A critical task, what to look for, and the objective whose automatic rating stands beside the evaluator's.</summary>
[GenerateSerializer, Immutable]
public sealed record CriticalTaskView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Task,
    [property: Id(2)] IReadOnlyList<string> LookFor,
    [property: Id(3)] string? Objective);

/// <summary>The evaluator's rating that stands for a task or objective: HSEEP's name and letter (P, S, M, U), notes, when.</summary>
[GenerateSerializer, Immutable]
public sealed record RatingView(
    [property: Id(0)] string Task,
    [property: Id(1)] string Rating,
    [property: Id(2)] string Letter,
    [property: Id(3)] string? Notes,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record ObservationView(
    [property: Id(0)] string Observation,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<long> Events,
    [property: Id(3)] string? Task,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record HotWashView(
    [property: Id(0)] string By,
    [property: Id(1)] string? Strengths,
    [property: Id(2)] string? Improvements,
    [property: Id(3)] DateTimeOffset At);
