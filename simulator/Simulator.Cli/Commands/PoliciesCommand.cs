using Simulator.Core.Policies;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator policies`: the shipped investigative policies.</summary>
public sealed class PoliciesCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        foreach (var p in PolicyCatalogue.All) Console.Out.WriteLine($"{p.Name,-22} {p.Description}");
        return 0;
    }
}
