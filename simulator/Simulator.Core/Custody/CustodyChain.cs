using System.Security.Cryptography;
using System.Text;

namespace Simulator.Core.Custody;

/// <summary>One step in an evidence item's life: who held it, when, what happened, and the hash of its content then.</summary>
public sealed record CustodyStep(int Step, DateTimeOffset At, string Action, string Holder, string ContentSha256, string? Via, string PreviousHash, string Hash);

/// <summary>
/// The custody chain of one evidence item: each step carries the hash of the step before, and the content hash
/// must stay the one the holder started with, so a copy that was altered on its way across borders shows.
/// </summary>
public sealed class CustodyChain(string evidenceId)
{
    private readonly List<CustodyStep> _steps = [];

    public string EvidenceId { get; } = evidenceId;
    public IReadOnlyList<CustodyStep> Steps => _steps;

    public CustodyStep Record(DateTimeOffset at, string action, string holder, string contentSha256, string? via)
    {
        var previous = _steps.Count == 0 ? Journal.ExerciseJournal.GenesisHash : _steps[^1].Hash;
        var step = _steps.Count + 1;
        var hash = Hash(EvidenceId, step, at, action, holder, contentSha256, via, previous);
        var s = new CustodyStep(step, at, action, holder, contentSha256, via, previous, hash);
        _steps.Add(s);
        return s;
    }

    /// <summary>Null when the chain holds; otherwise what is wrong and at which step.</summary>
    public string? Verify()
    {
        var previous = Journal.ExerciseJournal.GenesisHash;
        string? content = null;
        foreach (var s in _steps)
        {
            if (s.PreviousHash != previous) return $"step {s.Step} does not follow step {s.Step - 1}";
            if (Hash(EvidenceId, s.Step, s.At, s.Action, s.Holder, s.ContentSha256, s.Via, s.PreviousHash) != s.Hash)
                return $"step {s.Step} was changed";
            if (content is not null && s.ContentSha256 != content) return $"content changed at step {s.Step} ({s.Action} by {s.Holder})";
            content ??= s.ContentSha256;
            previous = s.Hash;
        }
        return null;
    }

    /// <summary>A step's own hash over everything it records and the step before it (also what the journal verifier recomputes).</summary>
    internal static string Hash(string evidence, int step, DateTimeOffset at, string action, string holder, string content, string? via, string previous)
    {
        var text = $"{evidence}|{step}|{Journal.JournalJson.Instant(at)}|{action}|{holder}|{content}|{via}|{previous}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
