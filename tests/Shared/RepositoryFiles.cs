namespace Simulator.Tests;

/// <summary>Where the repository's files are, found from the test's build folder (linked into the test projects that read them).</summary>
internal static class RepositoryFiles
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the test folder");
    }

    /// <summary>The shipped scenarios folder.</summary>
    public static string Scenarios() => Path.Combine(Root(), "scenarios");
}
