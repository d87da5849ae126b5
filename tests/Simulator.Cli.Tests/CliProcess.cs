using System.Diagnostics;

namespace Simulator.Cli.Tests;

/// <summary>Runs the built `simulator` program from the repository root, as the README tells people to.</summary>
internal static class CliProcess
{
    public static readonly string Root = FindRoot();

    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(Root, "simulator", "Simulator.Cli", "bin", configuration, "net10.0", "simulator.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException($"simulator {string.Join(' ', args)} did not finish"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the test folder");
    }

    public static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("simulator-cli-").FullName, name);
}
