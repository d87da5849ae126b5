using Simulator.Scenarios.Diagnostics;

namespace Simulator.Scenarios.Yaml;

/// <summary>Reads a YAML file's text, refusing one above the size limit before any of it is read into memory.</summary>
public static class YamlFile
{
    /// <param name="what">What the file is, for the refusal: "the file", "the overlay".</param>
    public static string Read(string path, string what = "the file", YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        try
        {
            // Measured in bytes before reading, so a huge file costs nothing; a text given directly is measured in characters.
            if (new FileInfo(path).Length > limits.MaxChars)
                throw new FileProblemsException([new Diagnostic(path, 1, 1, $"{what} is larger than the limit of {limits.SizeInWords}")]);
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileProblemsException([new Diagnostic(path, 1, 1, $"cannot read {what}: {e.Message}")]);
        }
    }
}
