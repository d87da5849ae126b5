using System.Collections.Concurrent;

namespace Simulator.Web.Live;

/// <summary>One connected console: who it is (a seat, the trainer or an observer), the person's name if given, and since when (real time).</summary>
public sealed record Connected(string Who, string Role, DateTimeOffset Since, string? Name = null);

/// <summary>One identity's presence: how many consoles it has open, since when, and the names of the people at them (several trainees may share a seat).</summary>
public sealed record PresenceLine(string Who, string Role, int Connections, DateTimeOffset Since, IReadOnlyList<string> Names);

/// <summary>
/// Who is connected to which exercise on this server, for the trainer's "who is connected" panel. It is
/// presence, not state: it lives in memory, starts empty after a restart, and fills as consoles rejoin.
/// </summary>
public sealed class Presence(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Exercise, Connected Who)> _connections = new();

    public void Joined(string connectionId, string exerciseId, string who, string role, string? name = null) =>
        _connections[connectionId] = (exerciseId, new Connected(who, role, time.GetUtcNow(), name));

    /// <summary>Forgets a connection; returns its exercise, or null if it had not joined.</summary>
    public string? Left(string connectionId) => _connections.TryRemove(connectionId, out var c) ? c.Exercise : null;

    /// <summary>The connected consoles of one exercise, one line per identity with how many connections it has.</summary>
    public IReadOnlyList<PresenceLine> Of(string exerciseId) => _connections.Values
        .Where(c => c.Exercise == exerciseId)
        .GroupBy(c => (c.Who.Who, c.Who.Role))
        .Select(g => new PresenceLine(g.Key.Who, g.Key.Role, g.Count(), g.Min(c => c.Who.Since),
            [.. g.Select(c => c.Who.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
        .OrderBy(l => l.Role).ThenBy(l => l.Who, StringComparer.Ordinal)
        .ToList();
}
