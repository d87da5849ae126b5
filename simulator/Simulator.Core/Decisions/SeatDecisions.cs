using Simulator.Core.Common;
using Simulator.Core.Communications;
using Simulator.Core.Engine;

namespace Simulator.Core.Decisions;

// What a seat decides: its actor is the seat, "STATE/role" (e.g. "AL/prosecutor"); the engine checks that the seat
// may take it. Policies decide the same things for the seats no trainee holds.

/// <summary>Draft, check and send a request with an instrument for some evidence.
/// <see cref="Particulars"/> is the filled-in template from the console; a policy's request has none.
/// <see cref="Urgent"/> marks it urgent without an emergency (ETS185 Art. 31(3)); left out of stored decisions when
/// false, as decisions stored before it were written.</summary>
public sealed record SendRequest(string Actor, string Instrument, IReadOnlyList<string> Evidence, bool Emergency = false, string? RequestedState = null,
    RequestParticulars? Particulars = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Urgent = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RequestScope? Scope = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Minimise = false) : Decision(Actor)
{
    public override string Describe() => $"send {Instrument}{(Emergency ? " (emergency)" : Urgent ? " (urgent)" : "")} for {string.Join(", ", Evidence)}{(Scope is null ? "" : $" ({Scope.Describe()})")}{(Minimise ? ", minimised" : "")}";
}

public enum Answer
{
    Approve,
    Refuse,
    AskClarification,
    /// <summary>Approve for what the facts support only: an over-broad request executed in part (<see cref="Catalogue.ScopeReview"/>).</summary>
    Narrow,
}

/// <summary>The requested side answers a request it is reviewing. <see cref="Confirmed"/>: the review's checks the reviewer
/// confirmed (<see cref="ReviewCheck"/>); null where no checklist was given (a policy's answer, decisions stored before
/// it, the hub's plain <c>AnswerRequest</c>), and then left out of stored decisions. <see cref="Conditions"/>: with an
/// approval, the uses of what is given that are to need this state's consent, where the instrument lets it make them a
/// condition (<see cref="Catalogue.UseLimit.ConditionSource"/>); null (and left out of stored decisions) where none.</summary>
public sealed record AnswerRequest(string Actor, string Request, Answer Answer, string? Ground = null, string? Note = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReviewCheck>? Confirmed = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Catalogue.UseKind>? Conditions = null) : Decision(Actor)
{
    public override string Describe() => $"{Names.Kebab(Answer)} {Request}{(Ground is null ? "" : $" ({Ground})")}"
        + (Conditions is { Count: > 0 } c ? $" on condition ({string.Join(", ", c.Select(Names.Kebab))})" : "");
}

/// <summary>
/// A judge or prosecutor of the issuing state validates an order another of its authorities issued, or refuses to
/// (REG Art. 4(1)(b), 4(2)(b), 4(3)(b)): before it is sent, or, where it went first in an emergency, afterwards
/// (Art. 4(5)). A refusal gives its <see cref="Note"/>, the reason.
/// </summary>
public sealed record ValidateRequest(string Actor, string Request, bool Validate, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"{(Validate ? "validate" : "refuse to validate")} {Request}";
}

/// <summary>
/// The issuing state's court, held by a trainee, decides on an addressee's objection that complying with an order would
/// break a third country's law (REG Art. 17(4)-(6)): it upholds the order, and the addressee executes it, or lifts it
/// (from rules 2026.12.12 only as to the data that law bars). Lifting gives its <see cref="Reason"/>.
/// </summary>
public sealed record ReviewConflict(string Actor, string Request, bool Uphold, string? Reason = null) : Decision(Actor)
{
    public override string Describe() => $"{(Uphold ? "uphold" : "lift")} {Request} on the addressee's objection";
}

/// <summary>
/// The enforcing state's judge seat, held by a trainee, decides on an EU production order it was notified of, within
/// the objection window (REG Arts. 10(2), 12(1)): it raises <see cref="Ground"/>, one the instrument gives the enforcing
/// state, and the order is refused (in an emergency, the use of what was sent is restricted), or, with none, confirms
/// that it raises no ground. <see cref="Reason"/>: its reasons, for the record.
/// </summary>
public sealed record ReviewNotification(string Actor, string Request, string? Ground, string? Reason = null) : Decision(Actor)
{
    public override string Describe() => Ground is null ? $"raise no ground against {Request}" : $"raise {Ground} against {Request}";
}

/// <summary>The issuing side answers a request for clarification.</summary>
public sealed record ProvideClarification(string Actor, string Request, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"clarify {Request}";
}

/// <summary>Ask the holder to keep preserved data longer, where the instrument allows an extension.</summary>
public sealed record ExtendPreservation(string Actor, string Preservation) : Decision(Actor)
{
    public override string Describe() => $"extend {Preservation}";
}

/// <summary>
/// Tell the person whose data an order obtained (REG Art. 13(1)), or, with <see cref="Delay"/>, record why telling them
/// is delayed for now (Art. 13(2): under Directive (EU) 2016/680 Art. 13(3), the reasons in the case file).
/// </summary>
public sealed record InformPerson(string Actor, string Request, bool Delay = false, string? Reason = null) : Decision(Actor)
{
    public override string Describe() => Delay ? $"delay informing the person whose data {Request} obtained" : $"inform the person whose data {Request} obtained";
}

/// <summary>
/// Ask the enforcing state to enforce an order whose addressee let the deadline pass without answering (REG Art. 16(1)):
/// its enforcing authority recognises it, formally requires the addressee to comply, and penalises an addressee that still does not.
/// </summary>
public sealed record EnforceOrder(string Actor, string Request, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"ask for enforcement of {Request}";
}

/// <summary>Escalate a request whose deadline or whose evidence's retention is at risk: it moves to the priority lane.</summary>
public sealed record EscalateRequest(string Actor, string Request) : Decision(Actor)
{
    public override string Describe() => $"escalate {Request}";
}

/// <summary>Withdraw a request that has not been answered yet.</summary>
public sealed record WithdrawRequest(string Actor, string Request) : Decision(Actor)
{
    public override string Describe() => $"withdraw {Request}";
}

/// <summary>
/// Write to another office or a provider on a channel (<see cref="MessageChannels"/>): it arrives after the
/// channel's delay, and only the two ends (and the trainer) read it. <see cref="About"/> names an inject, a lead or
/// a request; <see cref="InReplyTo"/> a message this seat received.
/// </summary>
public sealed record SendMessage(string Actor, string To, MessageChannel Channel, string Text, string? Subject = null, string? About = null, string? InReplyTo = null)
    : Decision(Actor)
{
    public override string Describe() => $"message {To} by {Names.Kebab(Channel)}";
}

/// <summary>Hand an inject, or a lead, to another office of the same state: it then sees the inject too, with the note.</summary>
public sealed record Refer(string Actor, string Item, string To, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"refer {Item} to {To}";
}

/// <summary>Answer an inject that asks for something other than a request: a status report, a press line, a decision, a note.</summary>
public sealed record RespondToInject(string Actor, string Inject, ResponseKind Kind, string Text) : Decision(Actor)
{
    public override string Describe() => $"answer {Inject} ({Names.Kebab(Kind)})";
}

/// <summary>
/// Put a secured item of the seat's state to a use beyond the purpose it was obtained for: in another investigation of
/// the state (<see cref="In"/>, an incident) or passed on to another state (<see cref="To"/>); exactly one of the two.
/// Accepted whether or not the giving state consented: a use its terms forbid without consent is recorded as a
/// violation (<c>PurposeViolated</c>), as it would be in fact; the seat's evidence view says beforehand which uses need consent.
/// </summary>
public sealed record UseEvidence(string Actor, string Evidence, string? In = null, string? To = null, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"use {Evidence} {(In is not null ? $"in {In}" : $"passed on to {To}")}";
}

/// <summary>Ask the state that gave a secured item for consent to use it in another investigation (<see cref="In"/>) or pass it on (<see cref="To"/>).</summary>
public sealed record AskUseConsent(string Actor, string Evidence, string? In = null, string? To = null, string? Note = null) : Decision(Actor)
{
    public override string Describe() => $"ask consent to use {Evidence} {(In is not null ? $"in {In}" : $"passed on to {To}")}";
}

/// <summary>The giving state's central authority grants or refuses a request for consent to another use, with its reason.</summary>
public sealed record AnswerUseConsent(string Actor, string Consent, bool Grant, string? Reason = null) : Decision(Actor)
{
    public override string Describe() => $"{(Grant ? "grant" : "refuse")} {Consent}";
}
