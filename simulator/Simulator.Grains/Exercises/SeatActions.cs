using Simulator.Core.Engine;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>Turns a seat's action from the hub into the core's command for that seat.</summary>
public static class SeatActions
{
    public static Command? ToCommand(string seat, SeatAction a, out string? error)
    {
        error = null;
        switch (a.Kind)
        {
            case "send-request":
                if (a.Instrument is null || a.Evidence is not { Count: > 0 }) { error = "send-request needs an instrument and at least one evidence item"; return null; }
                return new SendRequest(seat, a.Instrument, a.Evidence, a.Emergency, a.RequestedState, Particulars(a.Template));
            case "answer-request":
                if (a.Request is null) { error = "answer-request needs the request"; return null; }
                Answer? answer = a.Answer switch { "approve" => Answer.Approve, "refuse" => Answer.Refuse, "ask-clarification" => Answer.AskClarification, _ => null };
                if (answer is null) { error = "answer must be approve, refuse or ask-clarification"; return null; }
                if (answer == Answer.Refuse && string.IsNullOrWhiteSpace(a.Ground)) { error = "a refusal needs a ground"; return null; }
                return new AnswerRequest(seat, a.Request, answer.Value, a.Ground, a.Note);
            case "clarify":
                if (a.Request is null) { error = "clarify needs the request"; return null; }
                return new ProvideClarification(seat, a.Request, a.Note);
            case "extend-preservation":
                if (a.Preservation is null) { error = "extend-preservation needs the preservation"; return null; }
                return new ExtendPreservation(seat, a.Preservation);
            case "escalate":
                if (a.Request is null) { error = "escalate needs the request"; return null; }
                return new EscalateRequest(seat, a.Request);
            case "withdraw":
                if (a.Request is null) { error = "withdraw needs the request"; return null; }
                return new WithdrawRequest(seat, a.Request);
            default:
                error = $"unknown action '{a.Kind}': use send-request, answer-request, clarify, extend-preservation, escalate or withdraw";
                return null;
        }
    }

    private static RequestParticulars? Particulars(RequestTemplate? t) =>
        t is null ? null : new RequestParticulars(Text(t.Offence), Text(t.Facts), Text(t.Necessity), Text(t.Urgency));

    /// <summary>A blank field is an absent one: the journal leaves it out rather than keeping "".</summary>
    private static string? Text(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();
}
