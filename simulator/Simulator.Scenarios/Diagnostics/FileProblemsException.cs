namespace Simulator.Scenarios.Diagnostics;

/// <summary>
/// A scenario or catalogue file that cannot be loaded, with every problem found in it. Loading is all or
/// nothing: nothing from a file with problems is ever used.
/// </summary>
public sealed class FileProblemsException(IReadOnlyList<Diagnostic> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems:\n" + string.Join("\n", problems))
{
    public IReadOnlyList<Diagnostic> Problems { get; } = problems;
}
