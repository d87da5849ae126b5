namespace Simulator.Grains.Exercises;

/// <summary>A request the exercise refuses: the message says what and why, and nothing was changed.</summary>
[GenerateSerializer]
public sealed class ExerciseException(string message) : Exception(message);
