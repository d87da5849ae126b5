using System.ComponentModel;
using System.Text.Json;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator instruments [--json]`: the instrument catalogue, with sources and [UNSURE] figures marked.</summary>
public sealed class InstrumentsCommand : Command<InstrumentsCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandOption("--json")]
        [Description("Print the catalogue as JSON")]
        public bool Json { get; init; }

        [CommandArgument(0, "[ID]")]
        [Description("Show one instrument in full")]
        public string? Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var instruments = settings.Id is null ? catalogue.Instruments : catalogue.Instruments.Where(i => i.Id == settings.Id).ToList();
        if (instruments.Count == 0)
        {
            Console.Error.WriteLine($"no instrument '{settings.Id}'; run `simulator instruments` for the list");
            return 2;
        }
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 180;
        if (settings.Json && settings.Id is not null)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(Describe(instruments[0]), JournalJson.Indented));
            return 0;
        }
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { catalogue.AsOf, catalogue.Frameworks, catalogue.OffenceLists, Instruments = instruments.Select(Describe), catalogue.Figures }, JournalJson.Indented));
            return 0;
        }
        if (settings.Id is null)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"Instrument catalogue (law as of {catalogue.AsOf})");
            table.AddColumns("id", "purpose", "channel", "data", "deadline", "legal basis");
            foreach (var i in instruments)
            {
                var deadline = string.Join(" / ", new[] { i.ResponseDeadline, i.EmergencyDeadline }.OfType<LegalDuration>().Select(d => DurationText.Format(d.Value) + (d.Unsure ? " [UNSURE]" : "")));
                if (i.Preservation is { } p) deadline = $"holds {DurationText.Format(p.Period.Value)}{(p.Extension is null ? "" : $" + {p.MaxExtensions} x {DurationText.Format(p.Extension.Value)}")}{(p.Period.Unsure ? " [UNSURE]" : "")}";
                table.AddRow(Terminal.Markup(i.Id), Names.Kebab(i.Purpose), Names.Kebab(i.Channel), string.Join(", ", i.Categories.Select(Names.Kebab)), Terminal.Markup(deadline), Terminal.Markup(i.LegalBasis));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("[grey]`simulator instruments ID` shows one instrument in full; --json prints everything.[/]");
            return 0;
        }
        foreach (var i in instruments) PrintFull(i);
        return 0;
    }

    private static void PrintFull(Instrument i)
    {
        AnsiConsole.MarkupLine($"[bold]{Terminal.Markup(i.Name)}[/] ({Terminal.Markup(i.Id)})");
        AnsiConsole.MarkupLine($"  legal basis: {Terminal.Markup(i.LegalBasis)}");
        AnsiConsole.MarkupLine($"  {Terminal.Markup(i.Summary)}");
        AnsiConsole.MarkupLine($"  purpose {Names.Kebab(i.Purpose)}, channel {Names.Kebab(i.Channel)}, {(i.Binding ? "binding" : "voluntary for the holder")}{(i.EmergencyOnly ? ", emergencies only" : i.SupportsEmergency ? ", has an emergency procedure" : "")}");
        foreach (var c in i.Categories) AnsiConsole.MarkupLine($"  {Names.Kebab(c)} data: issued by {string.Join(", ", i.IssuersFor(c).Select(Names.Kebab))}");
        foreach (var v in i.Validation?.Rules ?? [])
            AnsiConsole.MarkupLine($"  {string.Join(", ", v.Categories.Select(Names.Kebab))} data: also issued by {string.Join(", ", v.Issuers.Select(Names.Kebab))}, validated first by the {string.Join(" or ", v.Validators.Select(Names.Kebab))} [grey]({Terminal.Markup(v.Source)})[/]");
        if (i.Validation?.WithoutPriorValidation is { } a)
            AnsiConsole.MarkupLine($"  in an emergency, {string.Join(", ", a.Categories.Select(Names.Kebab))} data orders go at once and are validated within {Terminal.Markup(a.Within.ToString())}, or withdrawn and what they produced erased [grey]({Terminal.Markup(a.Source)}){(a.Unsure ? " [[UNSURE]]" : "")}[/]");
        if (i.ResponseDeadline is { } r) AnsiConsole.MarkupLine($"  deadline: {Terminal.Markup(r.ToString())}");
        foreach (var (category, d) in i.ResponseDeadlines ?? new Dictionary<DataCategory, LegalDuration>())
            AnsiConsole.MarkupLine($"  deadline for {Names.Kebab(category)} data: {Terminal.Markup(d.ToString())}");
        if (i.EmergencyDeadline is { } e) AnsiConsole.MarkupLine($"  emergency deadline: {Terminal.Markup(e.ToString())}");
        if (i.Preservation is { } p) AnsiConsole.MarkupLine($"  preservation: {Terminal.Markup(p.Period.ToString())}{(p.Extension is null ? "" : $", extension {Terminal.Markup(p.Extension.ToString())} x{p.MaxExtensions}")}{(p.ContinuesPendingProduction ? $", continues pending production ({Terminal.Markup(p.ContinuationSource)})" : "")}");
        if (i.Notification is { } n) AnsiConsole.MarkupLine($"  enforcing state notified for {string.Join(", ", n.Categories.Select(Names.Kebab))}: objection within {Terminal.Markup(n.ObjectionWindow.ToString())} / emergency {Terminal.Markup(n.EmergencyObjectionWindow.ToString())}{(n.EmergencyTransferAtOnce ? "; in an emergency the data go at once and an objection restricts their use" : "")}");
        if (i.Urgent is { } u) AnsiConsole.MarkupLine($"  may be marked urgent where the facts show {Terminal.Markup(u.Describe())}: sent and answered in {u.SpeedFactor:0.##} of the usual time{(u.WaitsInBacklog ? "" : ", not behind the backlog")} [grey]({Terminal.Markup(u.Source)}; {Terminal.Markup(u.MeansSource)}){(u.Unsure ? " [[UNSURE]]" : "")}[/]");
        if (i.ConflictingObligations is { } co) AnsiConsole.MarkupLine($"  where complying would break a third country's law, the addressee may object within {Terminal.Markup(co.ObjectionWindow.ToString())}: execution waits {co.CourtReview} for the issuing state's court; {Terminal.Markup(co.DescribeLift())} [grey]({Terminal.Markup(co.Source)}; {Terminal.Markup(co.LiftSource)}){(co.Unsure ? " [[UNSURE]]" : "")}[/]");
        foreach (var c in i.Preconditions) AnsiConsole.MarkupLine($"  requires: {Terminal.Markup(c.Describe())} [grey]({Terminal.Markup(c.Source)})[/]");
        foreach (var g in i.RefusalGrounds) AnsiConsole.MarkupLine($"  may be refused by the {Names.Kebab(g.By)}: {Terminal.Markup(g.Id)}: {Terminal.Markup(g.Describe())} [grey]({Terminal.Markup(g.Source)}){(g.Unsure ? " [[UNSURE]]" : "")}[/]");
        AnsiConsole.MarkupLine($"  timing: drafting {i.Timing.Drafting}, transmission {i.Timing.Transmission}, review {i.Timing.Review}, return {i.Timing.Return}{(i.Timing.Setup is { } s ? $", setup {s}" : "")} [grey]({Terminal.Markup(i.Timing.Source)}){(i.Timing.Unsure ? " [[UNSURE]]" : "")}[/]");
        var unsure = i.UnsureFigures().ToList();
        if (unsure.Count > 0) AnsiConsole.MarkupLine($"  [yellow][[UNSURE]] not confirmed from the primary text: {Terminal.Markup(string.Join(", ", unsure))}. Change any figure with --catalogue FILE; deadlines, preservation periods and review timing also per scenario (instrument-overrides).[/]");
        AnsiConsole.WriteLine();
    }

    private static object Describe(Instrument i) => new
    {
        i.Id, i.Name, i.LegalBasis, i.Summary, i.Purpose, i.Channel, i.Categories,
        Issuers = i.Issuers.ToDictionary(kv => Names.Kebab(kv.Key), kv => kv.Value),
        i.Binding, i.EmergencyOnly, i.SupportsEmergency, i.ResponseDeadline, i.EmergencyDeadline, i.Preservation, i.Notification,
        Preconditions = i.Preconditions.Select(p => new { p.Kind, Condition = p.Describe(), p.Source }),
        RefusalGrounds = i.RefusalGrounds.Select(g => new { g.Id, g.Description, Conditions = g.Describe(), g.When, g.By, g.Source, g.RequiresReservation, g.WhereStateRequiresDualCriminality, Exceptions = g.ExceptionsToRule, g.Unsure }),
        Timing = new { Drafting = i.Timing.Drafting.ToString(), Transmission = i.Timing.Transmission.ToString(), Review = i.Timing.Review.ToString(), Return = i.Timing.Return.ToString(), Setup = i.Timing.Setup?.ToString(), i.Timing.Source, i.Timing.Unsure },
        i.DisclosesPath,
        Urgent = i.Urgent is { } u ? new { Condition = u.Describe(), u.When, u.Source, u.MeansSource, u.WaitsInBacklog, u.SpeedFactor, u.Unsure } : null,
        ConflictingObligations = i.ConflictingObligations is { } co
            ? new { ObjectionWindow = co.ObjectionWindow.ToString(), CourtReview = co.CourtReview.ToString(), co.CourtReviewSource, co.LiftedWhere, Lift = co.DescribeLift(), co.LiftSource, co.Source, co.Unsure }
            : null,
        Validation = i.Validation is { } v
            ? new
            {
                Rules = v.Rules.Select(r => new { r.Categories, r.Issuers, r.Validators, r.Source }),
                Review = v.Review.ToString(), v.ReviewSource,
                WithoutPriorValidation = v.WithoutPriorValidation is { } a ? new { a.Categories, Within = a.Within.ToString(), a.Source, a.Unsure } : null,
            }
            : null,
        Unsure = i.UnsureFigures().ToList(),
    };
}
