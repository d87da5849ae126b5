namespace Simulator.Cli;

/// <summary>Finds a scenario by path, or by id among the shipped scenarios (scenarios/ID.yaml above the working folder).</summary>
internal static class ScenarioPaths
{
    /// <summary>The nearest scenarios/ folder at or above the working folder (relative to it), or null.</summary>
    public static string? ScenariosFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios");
            if (Directory.Exists(candidate)) return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
        }
        return null;
    }

    public static string Resolve(string argument) => Resolve(argument, "scenarios", "scenario");

    /// <summary>A what-if overlay by path, or by id among the shipped ones (scenarios/overlays/ID.yaml).</summary>
    public static string ResolveOverlay(string argument) => Resolve(argument, Path.Combine("scenarios", "overlays"), "overlay");

    private static string Resolve(string argument, string folder, string what)
    {
        if (File.Exists(argument)) return argument;
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folder, argument.EndsWith(".yaml", StringComparison.Ordinal) ? argument : argument + ".yaml");
                if (File.Exists(candidate)) return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
            }
        }
        if (Directory.Exists(argument)) throw new FileNotFoundException($"'{argument}' is a folder: name a {what} file in it");
        // A path (not a bare id) that does not exist is just a missing file: there is no shipped one to suggest.
        if (Path.IsPathRooted(argument) || argument.Contains('/') || argument.Contains(Path.DirectorySeparatorChar))
            throw new FileNotFoundException($"no {what} file {argument}");
        throw new FileNotFoundException($"no {what} '{argument}': it is not a file, and there is no {folder.Replace('\\', '/')}/{(argument.EndsWith(".yaml", StringComparison.Ordinal) ? argument : argument + ".yaml")} above the working folder");
    }
}
