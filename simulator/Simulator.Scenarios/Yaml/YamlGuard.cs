using Simulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Reads a YAML file's events once, before anything builds a tree of it, and refuses it at the first place it
/// passes a <see cref="YamlLimits"/>: nesting too deep (which would exhaust the stack of any recursive reader), an
/// alias inside the node it names (a cycle), or aliases that expand it past the value limit (an alias bomb). The
/// event parser holds only the open nodes, so the check itself costs the file's size, not its expansion.
/// </summary>
internal static class YamlGuard
{
    private sealed record Open(string? Anchor, long ValuesBefore);

    public static void Check(string text, string file, YamlLimits limits)
    {
        if (text.Length > limits.MaxChars)
            throw new FileProblemsException([new Diagnostic(file, 1, 1, $"the file is larger than the limit of {limits.SizeInWords}")]);
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Open>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal); // an anchor's values once its node closed
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
                        if (closed.Anchor is { } name) sizes[name] = values - closed.ValuesBefore;
                        break;
                    case Scalar scalar:
                        values++;
                        if (AnchorOf(scalar) is { } scalarAnchor) sizes[scalarAnchor] = 1;
                        break;
                    case AnchorAlias alias:
                        var target = alias.Value.Value;
                        if (open.Any(o => o.Anchor == target))
                            throw Refused(file, e, $"the alias *{target} stands inside the node &{target} it names, which would repeat without end");
                        // An unknown anchor is the parser's to report, as it reads the tree.
                        values += sizes.GetValueOrDefault(target, 1);
                        break;
                }
                if (values > limits.MaxValues)
                    throw Refused(file, e, $"aliases expand the file past {limits.MaxValues.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} values, the limit: an alias repeats everything its anchor holds");
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // (YamlDotNet's scanner gives up with InvalidOperationException when the file ends inside an open [ ] or { }.)
            // Malformed YAML is reported, with its position, by the reader that follows.
        }
    }

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    private static FileProblemsException Refused(string file, ParsingEvent e, string why) =>
        new([new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, why)]);
}
