using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Simulator.Console.Tests;

/// <summary>
/// The hub methods a page invokes, read off its WebSocket frames (SignalR's JSON protocol: an invocation is a
/// message of type 1 naming its target): how many round trips a person's action costs.
/// </summary>
public sealed partial class HubCalls
{
    private readonly List<string> _targets = [];

    public static HubCalls Of(IPage page)
    {
        var calls = new HubCalls();
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            foreach (Match m in Invocation().Matches(frame.Text ?? ""))
                lock (calls._targets) calls._targets.Add(m.Groups["target"].Value);
        };
        return calls;
    }

    public int Count { get { lock (_targets) return _targets.Count; } }

    public IReadOnlyList<string> Since(int count) { lock (_targets) return _targets.Skip(count).ToList(); }

    [GeneratedRegex("\"target\":\"(?<target>[A-Za-z]+)\"[^\\u001e]*\"type\":1|\"type\":1[^\\u001e]*\"target\":\"(?<target>[A-Za-z]+)\"")]
    private static partial Regex Invocation();
}
