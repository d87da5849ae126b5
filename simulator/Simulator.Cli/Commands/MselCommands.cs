using Simulator.Scenarios.Yaml;
using System.ComponentModel;
using Simulator.Scenarios.Authoring;
using Simulator.Scenarios.Scenario;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator msel export SCENARIO`: the scenario's injects as CSV, one row per inject, for a spreadsheet.</summary>
public sealed class MselExportCommand : Command<MselExportCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or a shipped scenario's id")]
        public string Scenario { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Write the CSV here instead of to standard output")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), settings.LoadCatalogue());
        var csv = MselCsv.Export(loaded.File);
        // To a terminal, control characters in the injects' text are shown escaped; --out keeps the text exactly.
        if (settings.Out is null) Console.Out.Write(csv);
        else
        {
            OutputFile.MustNotBeAFolder(settings.Out);
            File.WriteAllText(settings.Out, csv);
            Console.Out.WriteLine($"wrote {loaded.File.Injects.Count} injects to {settings.Out}");
        }
        return 0;
    }
}

/// <summary>
/// `simulator msel import SCENARIO CSV`: replaces the scenario's injects with the CSV's rows. The whole scenario is
/// checked first; on any problem nothing is written and each problem is shown at its place in the CSV.
/// </summary>
public sealed class MselImportCommand : Command<MselImportCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("The scenario file whose injects the CSV replaces")]
        public string Scenario { get; init; } = "";

        [CommandArgument(1, "<CSV>")]
        [Description("The MSEL as CSV, with the columns `msel export` writes")]
        public string Csv { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Write the new scenario here instead of replacing the scenario file")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = ScenarioPaths.Resolve(settings.Scenario);
        var target = settings.Out ?? path;
        OutputFile.MustNotBeAFolder(target);
        if (Directory.Exists(settings.Csv)) throw new IOException($"{settings.Csv} is a folder: name the CSV file");
        // Both files are measured before they are read (the size limit of every input file, SIMULATOR_MAX_FILE_MB).
        var text = MselCsv.Import(YamlFile.Read(path), path, YamlFile.Read(settings.Csv, "the CSV"), settings.Csv, settings.LoadCatalogue());
        var temporary = target + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, target, overwrite: true); // all or nothing
        }
        catch
        {
            File.Delete(temporary); // no half-written file is left behind, whatever stopped the write
            throw;
        }
        Console.Out.WriteLine($"{target}: injects replaced from {settings.Csv}; the scenario validates");
        return 0;
    }
}

/// <summary>A file the command writes, checked before anything is done.</summary>
internal static class OutputFile
{
    public static void MustNotBeAFolder(string path)
    {
        if (Directory.Exists(path)) throw new IOException($"--out {path} is a folder: name a file");
    }
}
