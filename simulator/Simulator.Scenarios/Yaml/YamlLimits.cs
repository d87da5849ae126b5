namespace Simulator.Scenarios.Yaml;

/// <summary>
/// How much one YAML file may hold before it is read (issue 15 item 1): its size in characters, how deeply its
/// mappings and lists nest, and how many values it holds once its aliases are expanded (a few hundred bytes of
/// aliases can otherwise stand for gigabytes). The size is configurable with SIMULATOR_MAX_FILE_MB; the other two
/// lie far above what any scenario needs (the shipped ones nest 8 deep and hold under 20,000 values).
/// </summary>
public sealed record YamlLimits(long MaxChars, int MaxDepth, long MaxValues)
{
    public const string SizeVariable = "SIMULATOR_MAX_FILE_MB";
    private const int DefaultMegabytes = 8;

    /// <summary>The limits every loader applies: <see cref="SizeVariable"/> megabytes (8 unless set), 32 levels, 500,000 values.</summary>
    public static YamlLimits Default { get; } = new(Megabytes() * 1024L * 1024L, 32, 500_000);

    private static long Megabytes() =>
        long.TryParse(Environment.GetEnvironmentVariable(SizeVariable), out var mb) && mb is > 0 and <= 4096 ? mb : DefaultMegabytes;

    /// <summary>The size limit in words, for the refusal.</summary>
    public string SizeInWords => $"{MaxChars / (1024 * 1024)} MB (set {SizeVariable} to change it)";
}
