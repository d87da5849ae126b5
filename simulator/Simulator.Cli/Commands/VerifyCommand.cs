using System.ComponentModel;
using Simulator.Core.Journal;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator verify JOURNAL`: checks the hash chain and custody chains; names the first bad event.</summary>
public sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<JOURNAL>")]
        [Description("A journal written by `simulator run --journal` or by a live exercise")]
        public string Journal { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Journal))
        {
            Console.Error.WriteLine($"{settings.Journal}: no such file");
            return 2;
        }
        VerificationResult result;
        try
        {
            using var stream = File.OpenRead(settings.Journal);
            result = JournalVerifier.Verify(stream);
        }
        catch (System.Text.DecoderFallbackException)
        {
            Console.Out.WriteLine($"{settings.Journal}: not a journal: it is not UTF-8 text");
            return 1;
        }
        Console.Out.WriteLine(result.Valid ? $"{settings.Journal}: {result.Message}" : $"{settings.Journal}:{result.FirstBadLine}: {result.Message}");
        return result.Valid ? 0 : 1;
    }
}
