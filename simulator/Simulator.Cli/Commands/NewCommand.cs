using System.ComponentModel;
using Simulator.Scenarios.Authoring;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator new ID`: writes a small, valid, commented scenario to start from.</summary>
public sealed class NewCommand : Command<NewCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The scenario id: lower-case words joined by hyphens, e.g. phishing-exercise")]
        public string Id { get; init; } = "";

        [CommandOption("--title <TITLE>")]
        [Description("The scenario's title (default: from the id)")]
        public string? Title { get; init; }

        [CommandOption("--states <N>")]
        [Description("How many invented states, 2 to 6: the first investigates, the others hold evidence")]
        [DefaultValue(3)]
        public int States { get; init; } = 3;

        [CommandOption("--start <DATE>")]
        [Description("The first day, YYYY-MM-DD (default: 2026-09-07)")]
        public string? Start { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write it (default: scenarios/ID.yaml); an existing file is never overwritten")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var start = DateOnly.FromDateTime(new DateTime(2026, 9, 7));
        if (settings.Start is not null && !DateOnly.TryParseExact(settings.Start, "yyyy-MM-dd", out start))
            throw new ArgumentException($"--start '{settings.Start}' is not a date: write YYYY-MM-DD");
        var title = settings.Title ?? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(settings.Id.Replace('-', ' '));
        // By default beside the shipped scenarios (the nearest scenarios/ folder above), else ./scenarios.
        var path = settings.Out ?? Path.Combine(ScenarioPaths.ScenariosFolder() ?? "scenarios", settings.Id + ".yaml");
        var text = ScenarioScaffold.Create(settings.Id, title, settings.States, start, path.Replace('\\', '/'));
        if (File.Exists(path)) throw new IOException($"{path} exists already: choose another id or --out");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // The scaffold points editors at the published schema, relative to the file.
        var schema = FindSchema(folder);
        if (schema is not null)
            text = text.Replace("$schema=schema/scenario.schema.json", $"$schema={Path.GetRelativePath(folder, schema).Replace('\\', '/')}");
        File.WriteAllText(path, text);
        Console.Out.WriteLine($"wrote {path}: check it with `simulator validate {path}`; docs/scenarios.md explains every field");
        return 0;
    }

    private static string? FindSchema(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "schema", "scenario.schema.json");
            if (File.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "schema", "scenario.schema.json");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
