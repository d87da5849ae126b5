using System.ComponentModel;
using Simulator.Core.Journal;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator verify JOURNAL [--head HASH]`: checks the hash chain and custody chains; names the first bad event.</summary>
public sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<JOURNAL>")]
        [Description("A journal written by `simulator run --journal` or by a live exercise")]
        public string Journal { get; init; } = "";

        [CommandOption("--head <HASH>")]
        [Description("The hash the journal must end with (an outcome's journalHead, a report's journal head): catches events cut from its end")]
        public string? Head { get; init; }
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
        // A hash chain cannot show that events were cut from its end; the head recorded elsewhere can.
        if (result.Valid && settings.Head is { } head && !string.Equals(head.Trim(), result.Head, StringComparison.OrdinalIgnoreCase))
        {
            Console.Out.WriteLine($"{settings.Journal}:{result.EventsChecked}: the journal ends at event {result.EventsChecked} with hash {result.Head}, not {head.Trim()}: events after it were removed, or this is another journal");
            return 1;
        }
        Console.Out.WriteLine(result.Valid ? $"{settings.Journal}: {result.Message}{(settings.Head is null ? "" : ", ending at the expected head")}" : $"{settings.Journal}:{result.FirstBadLine}: {result.Message}");
        return result.Valid ? 0 : 1;
    }
}
