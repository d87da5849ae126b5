using System.Collections.Concurrent;

namespace Simulator.Web.Live;

/// <summary>One connected console: who it is (a seat, the trainer or an observer), the person's name if given, since when (real time), and the token it holds.</summary>
public sealed record Connected(string Who, string Role, DateTimeOffset Since, string? Name = null, string? TokenId = null);

/// <summary>One identity's presence: how many consoles it has open, since when, and the names of the people at them (several trainees may share a seat).</summary>
public sealed record PresenceLine(string Who, string Role, int Connections, DateTimeOffset Since, IReadOnlyList<string> Names);

/// <summary>
/// Who is connected to which exercise on this server, for the trainer's "who is connected" panel. It is
/// presence, not state: it lives in memory, starts empty after a restart, and fills as consoles rejoin.
/// </summary>
public sealed class Presence(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Exercise, Connected Who, Action? Disconnect)> _connections = new();

    /// <param name="disconnect">Ends the connection, when its token is revoked.</param>
    public void Joined(string connectionId, string exerciseId, string who, string role, string? name = null, string? tokenId = null, Action? disconnect = null) =>
        _connections[connectionId] = (exerciseId, new Connected(who, role, time.GetUtcNow(), name, tokenId), disconnect);

    /// <summary>Forgets a connection; returns its exercise, or null if it had not joined.</summary>
    public string? Left(string connectionId) => _connections.TryRemove(connectionId, out var c) ? c.Exercise : null;

    /// <summary>The connection no longer holds a token to be disconnected for (it is leaving, and answers first).</summary>
    public void Leaving(string connectionId)
    {
        // Only if it is still there: a disconnect that removed it meanwhile must not be undone.
        if (_connections.TryGetValue(connectionId, out var c)) _connections.TryUpdate(connectionId, c with { Who = c.Who with { TokenId = null }, Disconnect = null }, c);
    }

    /// <summary>The connections of this server that hold one of <paramref name="tokenIds"/> in the exercise, with how to end each.</summary>
    public IReadOnlyList<(string ConnectionId, Action? Disconnect)> Holding(string exerciseId, IReadOnlyCollection<string> tokenIds) =>
        [.. _connections.Where(c => c.Value.Exercise == exerciseId && c.Value.Who.TokenId is { } id && tokenIds.Contains(id)).Select(c => (c.Key, c.Value.Disconnect))];

    /// <summary>The connected consoles of one exercise, one line per identity with how many connections it has.</summary>
    public IReadOnlyList<PresenceLine> Of(string exerciseId) => _connections.Values
        .Where(c => c.Exercise == exerciseId)
        .GroupBy(c => (c.Who.Who, c.Who.Role))
        .Select(g => new PresenceLine(g.Key.Who, g.Key.Role, g.Count(), g.Min(c => c.Who.Since),
            [.. g.Select(c => c.Who.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
        .OrderBy(l => l.Role).ThenBy(l => l.Who, StringComparer.Ordinal)
        .ToList();
}
