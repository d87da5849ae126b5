using System.Globalization;
using System.Text.Json.Nodes;
using Simulator.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Reads YAML into the JSON data model (so one JSON Schema checks it) and records each value's position.
/// Plain scalars become numbers, booleans or null where they look like one (YAML 1.2 core schema); quoted
/// scalars stay strings. Duplicate keys are an error, not a silent overwrite.
/// </summary>
public static class YamlToJson
{
    public static (JsonNode? Root, SourceMap Map) Read(string text, string file, YamlLimits? limits = null)
    {
        YamlGuard.Check(text, file, limits ?? YamlLimits.Default);
        var map = new SourceMap(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = Clean((e.InnerException?.Message ?? e.Message).Split('\n')[0]);
            var text2 = message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? "a key appears twice in the same mapping"
                : $"not valid YAML: {message}";
            throw new FileProblemsException([new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, text2, Hint(message))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way when the file ends inside an open [ ] or { }.
            var lines = text.TrimEnd().Split('\n').Length;
            throw new FileProblemsException([new Diagnostic(file, lines, 1, "not valid YAML: the file ends inside an unclosed [ ] or { }")]);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet refuses some input without a position (a tag that is not a URI, an event it cannot place):
            // the place is where its parser stopped.
            var (line, column) = WhereParsingStops(text);
            var why = e.Message.Split(" (Parameter", 2)[0];
            throw new FileProblemsException([why.Contains("tag", StringComparison.OrdinalIgnoreCase)
                ? new Diagnostic(file, line, column, $"not valid YAML: a tag (!name) that is not a URI: {why}", "scenario files use no tags: remove the '!' part")
                : new Diagnostic(file, line, column, $"not valid YAML: the structure breaks here ({why})",
                    "check the indentation above, and that every '- ' item and every key has its value: a '- : value' item has no key")]);
        }
        if (stream.Documents.Count == 0)
            throw new FileProblemsException([new Diagnostic(file, 1, 1, "the file is empty")]);
        if (stream.Documents.Count > 1)
            throw new FileProblemsException([new Diagnostic(file, (int)stream.Documents[1].RootNode.Start.Line, 1, "one file holds one document: remove the second '---'")]);
        var problems = new List<Diagnostic>();
        var root = Convert(stream.Documents[0].RootNode, "", map, problems);
        if (problems.Count > 0) throw new FileProblemsException(problems);
        return (root, map);
    }

    /// <summary>The line and column after the last event YamlDotNet's parser read before it gave up (1:1 if none).</summary>
    private static (int Line, int Column) WhereParsingStops(string text)
    {
        var parser = new Parser(new StringReader(text));
        var (line, column) = (1, 1);
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } current) (line, column) = ((int)current.End.Line, (int)current.End.Column);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException) { }
        return (Math.Max(1, line), Math.Max(1, column));
    }

    private static string Clean(string message) =>
        message.StartsWith("(Line:", StringComparison.Ordinal) && message.IndexOf("): ", StringComparison.Ordinal) is var i and > 0 ? message[(i + 3)..] : message;

    private static JsonNode? Convert(YamlNode node, string pointer, SourceMap map, List<Diagnostic> problems)
    {
        map.AddValue(pointer, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        problems.Add(new Diagnostic(map.File, (int)keyNode.Start.Line, (int)keyNode.Start.Column, "keys must be plain names"));
                        continue;
                    }
                    var child = $"{pointer}/{SourceMap.Escape(key)}";
                    if (obj.ContainsKey(key))
                    {
                        problems.Add(new Diagnostic(map.File, (int)keyNode.Start.Line, (int)keyNode.Start.Column, $"'{key}' appears twice in the same mapping"));
                        continue;
                    }
                    map.AddKey(child, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    obj[key] = Convert(valueNode, child, map, problems);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                    array.Add(Convert(sequence.Children[i], $"{pointer}/{i}", map, problems));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                problems.Add(new Diagnostic(map.File, (int)node.Start.Line, (int)node.Start.Column, "unsupported YAML node"));
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.')
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    // YamlDotNet's messages name the parser's state, not the author's mistake; these are the common ones.
    private static string? Hint(string message) =>
        message.Contains("found invalid mapping", StringComparison.Ordinal) || message.Contains("did not find expected key", StringComparison.Ordinal)
            ? "a text that contains ': ' or starts with a quote must be quoted as a whole: title: \"Exposure: the site\" (or use > and put the text on the next lines)"
            : message.Contains("found character that cannot start any token", StringComparison.Ordinal) || message.Contains("tab character", StringComparison.Ordinal)
            ? "indent with spaces, not tabs; quote a text that starts with @, `, % or |"
            : null;
}
