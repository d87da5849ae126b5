using System.Globalization;
using Simulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Reads a YAML file's events once, before anything builds a tree of it, and refuses it at the first place it
/// passes a <see cref="YamlLimits"/>: nesting too deep, written or through an alias (either would exhaust the stack of
/// any recursive reader), an alias to an anchor not defined before it (YamlDotNet would resolve it afterwards, making
/// cycles and uncounted expansions possible), or aliases that expand the file past the value limit (an alias bomb).
/// The event parser holds only the open nodes, so the check costs the file's size, not its expansion.
/// </summary>
internal static class YamlGuard
{
    /// <summary>An open list or mapping: its anchor, the values counted before it, and the height of its tallest child so far.</summary>
    private sealed class Open(string? anchor, long valuesBefore)
    {
        public string? Anchor { get; } = anchor;
        public long ValuesBefore { get; } = valuesBefore;
        public int ChildHeight { get; set; }
    }

    /// <summary>An anchored node once closed: how many values it stands for, and how many levels it spans.</summary>
    private readonly record struct Anchored(long Values, int Height);

    public static void Check(string text, string file, YamlLimits limits)
    {
        if (text.Length > limits.MaxChars)
            throw new FileProblemsException([new Diagnostic(file, 1, 1, $"the file is larger than the limit of {limits.SizeInWords}")]);
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Open>();
        var anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
        long values = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        values++;
                        open.Push(new Open(AnchorOf((NodeEvent)e), values - 1));
                        if (open.Count > limits.MaxDepth)
                            throw Refused(file, e, $"lists and mappings nest deeper than {limits.MaxDepth} levels here, the limit");
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = open.Pop();
                        var height = closed.ChildHeight + 1;
                        if (open.TryPeek(out var parent)) parent.ChildHeight = Math.Max(parent.ChildHeight, height);
                        if (closed.Anchor is { } name) anchors[name] = new Anchored(values - closed.ValuesBefore, height);
                        break;
                    case Scalar scalar:
                        values++;
                        if (open.TryPeek(out var holder)) holder.ChildHeight = Math.Max(holder.ChildHeight, 1);
                        if (AnchorOf(scalar) is { } scalarAnchor) anchors[scalarAnchor] = new Anchored(1, 1);
                        break;
                    case AnchorAlias alias:
                        var target = alias.Value.Value;
                        if (open.Any(o => o.Anchor == target))
                            throw Refused(file, e, $"the alias *{target} stands inside the node &{target} it names, which would repeat without end");
                        if (!anchors.TryGetValue(target, out var named))
                            throw Refused(file, e, $"the alias *{target} names no anchor &{target} before it", "define the anchor (&name) before the first alias (*name) that uses it");
                        values += named.Values;
                        if (open.Count + named.Height > limits.MaxDepth)
                            throw Refused(file, e, $"through the alias *{target}, lists and mappings nest deeper than {limits.MaxDepth} levels here, the limit");
                        if (open.TryPeek(out var at)) at.ChildHeight = Math.Max(at.ChildHeight, named.Height);
                        break;
                }
                if (values > limits.MaxValues)
                    throw Refused(file, e, $"aliases expand the file past {limits.MaxValues.ToString("N0", CultureInfo.InvariantCulture)} values, the limit: an alias repeats everything its anchor holds");
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // Malformed YAML is reported, with its position, by the reader that follows. (YamlDotNet's scanner gives up
            // with InvalidOperationException when the file ends inside an open [ ] or { }, and with ArgumentException
            // on a tag that is not a URI.)
        }
    }

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    private static FileProblemsException Refused(string file, ParsingEvent e, string why, string? hint = null) =>
        new([new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, why, hint)]);
}
