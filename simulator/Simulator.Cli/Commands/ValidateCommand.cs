using System.ComponentModel;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator validate FILE...`: every problem as file:line:column: message; non-zero exit if any.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<FILES>")]
        [Description("Scenario files (or shipped scenario ids) to check")]
        public string[] Files { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var failed = 0;
        var missing = 0;
        foreach (var argument in settings.Files)
        {
            string path;
            IReadOnlyList<Diagnostic> problems;
            try
            {
                path = ScenarioPaths.Resolve(argument);
                problems = ScenarioLoader.Validate(path, catalogue);
            }
            catch (FileNotFoundException e)
            {
                path = argument;
                problems = [new Diagnostic(argument, 1, 1, e.Message)];
                missing++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fault of the simulator on one file must not keep the rest of the batch from being checked.
                path = argument;
                problems = [new Diagnostic(argument, 1, 1, $"internal error: {e.GetType().Name}: {e.Message} (a fault of the simulator, not of the file: please report it)")];
            }
            if (problems.Count == 0)
            {
                Console.Out.WriteLine($"{path}: ok");
                continue;
            }
            failed++;
            foreach (var p in problems) Console.Out.WriteLine(p);
            Console.Out.WriteLine($"{path}: {problems.Count} problem(s)");
        }
        // Every file is checked; a file that does not exist is a usage error (2), as in the other commands.
        return missing > 0 ? 2 : failed == 0 ? 0 : 1;
    }
}
