using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>Who may take which decision: a seat decides for itself only, the trainer and the evaluator for their own roles, observers nothing.</summary>
public static class DecisionPermissions
{
    /// <summary>Why this caller may not take this decision, or null.</summary>
    public static string? Refusal(Identity who, Decision decision) => (who.Role, decision) switch
    {
        (IdentityRole.Trainer, TrainerDecision) => null,
        (_, FireInject) => "only the trainer fires injects",
        (_, EditInject) => "only the trainer edits injects",
        (_, EndExercise) => "only the trainer ends the exercise",
        (_, SendMessageAs) => "only the trainer writes for the simulation cell",
        (IdentityRole.Evaluator, EvaluatorDecision) => null,
        (_, EvaluatorDecision) => "only the evaluator rates and records observations",
        (IdentityRole.Trainer, HotWash { Actor: Decision.Trainer }) or (IdentityRole.Evaluator, HotWash { Actor: Decision.Evaluator }) => null,
        (IdentityRole.Evaluator, _) => "the evaluator watches and rates but does not act in the exercise",
        (IdentityRole.Observer, _) => "observers may not act",
        (IdentityRole.Trainer, _) => "the trainer drives the exercise but does not act for a seat",
        _ when decision.Actor != who.Seat => $"{who.Seat} may not decide for {decision.Actor}",
        _ => null,
    };
}
