namespace Simulator.Core.Common;

/// <summary>What a refusal repeats of the input it refuses: a short prefix, so a huge or hostile value is never echoed whole.</summary>
public static class Echo
{
    public static string Clip(string? text, int max = 40) =>
        text is null ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
