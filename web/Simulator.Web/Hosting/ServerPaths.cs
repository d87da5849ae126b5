namespace Simulator.Web.Hosting;

/// <summary>Where the server finds its console files and keeps its data, wherever it is started from.</summary>
public static class ServerPaths
{
    /// <summary>
    /// `dotnet run --project` starts the server in the project folder; by default the data goes to ./data at the
    /// repository root (beside scenarios/), where the README says it is. A configured path (Simulator:Data) is taken as given.
    /// </summary>
    public static string DataFolder(IConfiguration configuration) => configuration["Simulator:Data"] is { } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "data");

    public static string Database(string dataFolder) => Path.Combine(dataFolder, "simulator.db");

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scenarios", "schema", "scenario.schema.json"))) return dir.FullName;
        return null;
    }

    /// <summary>
    /// The console's files: the project's wwwroot wherever the server is started from (dotnet run, or the built dll from
    /// the repository root as the tests do), else a published copy beside the assembly.
    /// </summary>
    public static string ConsoleFiles()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "web", "Simulator.Web", "wwwroot");
                if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
                if (File.Exists(Path.Combine(dir.FullName, "wwwroot", "index.html")) && File.Exists(Path.Combine(dir.FullName, "Simulator.Web.csproj")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
