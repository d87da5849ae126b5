using System.ComponentModel;
using Simulator.Core.Procedures;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator diagrams [NAME]`: each procedure machine as a Mermaid state diagram.</summary>
public sealed class DiagramsCommand : Command<DiagramsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[NAME]")]
        [Description("request, preservation, office-queue, provider-handling, escalation or use-consent; all when left out")]
        public string? Name { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var all = ProcedureDiagrams.All();
        var chosen = settings.Name is null ? all : all.Where(d => d.Name == settings.Name).ToList();
        if (chosen.Count == 0)
        {
            Console.Error.WriteLine($"no diagram '{settings.Name}'; choose one of: {string.Join(", ", all.Select(d => d.Name))}");
            return 2;
        }
        foreach (var (name, description, mermaid) in chosen)
        {
            Console.Out.WriteLine($"%% {name}: {description}");
            Console.Out.WriteLine(mermaid.TrimEnd());
            Console.Out.WriteLine();
        }
        return 0;
    }
}
