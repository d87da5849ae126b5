using System.Text.Json;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;

namespace Simulator.Planning.Replay;

/// <summary>
/// Which request a recorded decision was about, in a branch's own numbering. Requests are numbered in the order they
/// are drafted, so under an overlay the policies may draft a different number of requests first, and a trainee's
/// answer to "req-004" would land on another request. A request is known by what it is (instrument, issuing seat,
/// provider, evidence) and which of such requests it was; a preservation by its request and evidence item.
/// </summary>
internal sealed class RequestIdentity
{
    private readonly Dictionary<string, (string Key, int Occurrence)> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Request, string Evidence)> _preservations = new(StringComparer.Ordinal);

    public RequestIdentity(IReadOnlyList<string> recordedJournal)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in recordedJournal)
        {
            if (!line.Contains("\"type\":\"RequestDrafted\"", StringComparison.Ordinal) && !line.Contains("\"type\":\"PreservationStateChanged\"", StringComparison.Ordinal)) continue;
            using var doc = JsonDocument.Parse(line);
            var data = doc.RootElement.GetProperty("data");
            if (doc.RootElement.GetProperty("type").GetString() == "RequestDrafted")
            {
                var key = Key(data.GetProperty("instrument").GetString()!, data.GetProperty("issuer").GetString()!, data.GetProperty("provider").GetString()!,
                    data.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!));
                seen[key] = seen.GetValueOrDefault(key) + 1;
                _requests[data.GetProperty("request").GetString()!] = (key, seen[key]);
            }
            else _preservations.TryAdd(data.GetProperty("preservation").GetString()!, (data.GetProperty("request").GetString()!, data.GetProperty("evidence").GetString()!));
        }
    }

    private static string Key(string instrument, string issuer, string provider, IEnumerable<string> evidence) =>
        $"{instrument}|{issuer}|{provider}|{string.Join(",", evidence.Order(StringComparer.Ordinal))}";

    /// <summary>The decision in the branch's numbering, or the reason it has nothing to act on there.</summary>
    public (Decision? Decision, string? Missing) Translate(RecordedDecision d, Simulation branch) => d.Decision switch
    {
        AnswerRequest a => Request(a.Request, branch) is { } id ? (a with { Request = id }, null) : (null, Gone(a.Request)),
        ProvideClarification c => Request(c.Request, branch) is { } id ? (c with { Request = id }, null) : (null, Gone(c.Request)),
        EscalateRequest e => Request(e.Request, branch) is { } id ? (e with { Request = id }, null) : (null, Gone(e.Request)),
        WithdrawRequest w => Request(w.Request, branch) is { } id ? (w with { Request = id }, null) : (null, Gone(w.Request)),
        ValidateRequest v => Request(v.Request, branch) is { } id ? (v with { Request = id }, null) : (null, Gone(v.Request)),
        ReviewConflict c => Request(c.Request, branch) is { } id ? (c with { Request = id }, null) : (null, Gone(c.Request)),
        ReviewNotification n => Request(n.Request, branch) is { } id ? (n with { Request = id }, null) : (null, Gone(n.Request)),
        EnforceOrder e => Request(e.Request, branch) is { } id ? (e with { Request = id }, null) : (null, Gone(e.Request)),
        InformPerson i => Request(i.Request, branch) is { } id ? (i with { Request = id }, null) : (null, Gone(i.Request)),
        ExtendPreservation x => Preservation(x.Preservation, branch) is { } id ? (x with { Preservation = id }, null)
            : (null, $"the preservation it extended, {x.Preservation}, does not exist in this branch"),
        var other => (other, null),
    };

    private string Gone(string request) =>
        _requests.TryGetValue(request, out var r) ? $"the request it was about, {request} ({r.Key.Replace('|', ' ')}), was not drafted in this branch"
        : $"the request it was about, {request}, is not in the recorded journal";

    private string? Request(string recorded, Simulation branch)
    {
        if (!_requests.TryGetValue(recorded, out var r)) return null;
        return branch.Requests.Where(q => Key(q.Instrument.Id, q.IssuerSeat, q.Provider.Id, q.Items.Select(i => i.Id)) == r.Key)
            .Skip(r.Occurrence - 1).FirstOrDefault()?.Id;
    }

    private string? Preservation(string recorded, Simulation branch)
    {
        if (!_preservations.TryGetValue(recorded, out var p) || Request(p.Request, branch) is not { } request) return null;
        return branch.Preservations.FirstOrDefault(x => x.Request == request && x.Evidence == p.Evidence)?.Id;
    }
}
