namespace Simulator.Core.Rules;

/// <summary>One precondition of an instrument, judged for one request: met or missing, and where the rule comes from.</summary>
public sealed record ConditionCheck(string Condition, bool Met, string Source, string? Why = null);
