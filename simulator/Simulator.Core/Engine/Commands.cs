using Simulator.Core.Common;

namespace Simulator.Core.Engine;

/// <summary>
/// A decision, from a person at the console or from a policy. <see cref="Actor"/> is the seat that decides,
/// "STATE/role" (e.g. "AL/prosecutor"); the engine checks the seat may take it.
/// </summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(SendRequest), "send-request")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(AnswerRequest), "answer-request")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ProvideClarification), "clarify")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ExtendPreservation), "extend-preservation")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(EscalateRequest), "escalate")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(WithdrawRequest), "withdraw")]
public abstract record Command(string Actor);

/// <summary>Draft, check and send a request with an instrument for some evidence.
/// <see cref="Particulars"/> is the filled-in template from the console; a policy's request has none.</summary>
public sealed record SendRequest(string Actor, string Instrument, IReadOnlyList<string> Evidence, bool Emergency = false, string? RequestedState = null,
    RequestParticulars? Particulars = null) : Command(Actor);

public enum Answer
{
    Approve,
    Refuse,
    AskClarification,
}

/// <summary>The requested side answers a request it is reviewing.</summary>
public sealed record AnswerRequest(string Actor, string Request, Answer Answer, string? Ground = null, string? Note = null) : Command(Actor);

/// <summary>The issuing side answers a request for clarification.</summary>
public sealed record ProvideClarification(string Actor, string Request, string? Note = null) : Command(Actor);

/// <summary>Ask the holder to keep preserved data longer, where the instrument allows an extension.</summary>
public sealed record ExtendPreservation(string Actor, string Preservation) : Command(Actor);

/// <summary>Escalate a request whose deadline or whose evidence's retention is at risk: it moves to the priority lane.</summary>
public sealed record EscalateRequest(string Actor, string Request) : Command(Actor);

/// <summary>Withdraw a request that has not been answered yet.</summary>
public sealed record WithdrawRequest(string Actor, string Request) : Command(Actor);

public sealed record CommandResult(bool Accepted, string Message, string? Request = null)
{
    public static CommandResult Rejected(string message) => new(false, message);
}

public static class Seat
{
    public static (string Jurisdiction, AuthorityRole Role) Parse(string seat)
    {
        var slash = seat.IndexOf('/');
        if (slash <= 0 || !Names.TryParse<AuthorityRole>(seat[(slash + 1)..], out var role))
            throw new FormatException($"'{seat}' is not a seat: write STATE/role, with role one of {string.Join(", ", Enum.GetValues<AuthorityRole>().Select(r => Names.Kebab(r)))}");
        return (seat[..slash], role);
    }

    public static bool TryParse(string seat, out string jurisdiction, out AuthorityRole role)
    {
        try { (jurisdiction, role) = Parse(seat); return true; }
        catch (FormatException) { jurisdiction = ""; role = default; return false; }
    }
}
