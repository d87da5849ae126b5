using System.ComponentModel;
using System.Text.Json;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Rules;
using Simulator.Core.World;
using Simulator.Scenarios;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// `simulator advise SCENARIO --from STATE [--role ROLE] [--evidence IDS] [--emergency] [--urgent] [--json]`: the console's
/// advisor without a server. For each holder of the evidence (one request goes to one holder), every instrument of
/// the catalogue with its conditions met or missing, their sources, who may issue it, where it goes and the refusal
/// grounds the facts open: the same rules the console and the policies use, so a practitioner can audit the advice.
/// </summary>
public sealed class AdviseCommand : Command<AdviseCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or the id of a shipped scenario (e.g. hospital-ransomware)")]
        public string Scenario { get; init; } = "";

        [CommandOption("--from <STATE>")]
        [Description("The issuing state (a jurisdiction id of the scenario)")]
        public string From { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("Judge the requests as issued by this office (investigator, prosecutor, judge, contact-point, central-authority); by default the first office the instrument allows")]
        public string? Role { get; init; }

        [CommandOption("--evidence <IDS>")]
        [Description("Comma-separated evidence ids; by default every item of the incidents the state investigates")]
        public string? Evidence { get; init; }

        [CommandOption("--emergency")]
        [Description("Judge the requests as emergency requests")]
        public bool Emergency { get; init; }

        [CommandOption("--urgent")]
        [Description("Judge the requests as marked urgent without an emergency (Budapest Art. 31(3)): only instruments with urgent handling take it")]
        public bool Urgent { get; init; }

        [CommandOption("--json")]
        [Description("Print the advice as JSON (documented in docs/cli.md)")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("--from STATE is required: the issuing state")
            : Role is not null && !Names.TryParse<AuthorityRole>(Role, out _)
                ? ValidationResult.Error($"--role '{Role}' is not one of: {string.Join(", ", Enum.GetValues<AuthorityRole>().Select(r => Names.Kebab(r)))}")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), catalogue);
        var world = WorldBuilder.Build(scenario, catalogue, 1).World;
        if (!world.HasJurisdiction(settings.From))
            throw new ArgumentException($"--from '{settings.From}' is not a state of {world.ScenarioId}; states: {string.Join(", ", world.Jurisdictions.Select(j => j.Id))}");
        var items = Items(world, settings);
        var rules = new RequestRules(world, catalogue);
        var advisor = new InstrumentAdvisor(world, catalogue, rules);
        AuthorityRole? role = settings.Role is null ? null : Names.Parse<AuthorityRole>(settings.Role);

        var groups = items.GroupBy(i => i.Holder).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ids = g.Select(i => i.Id).ToList();
            var advice = catalogue.Instruments.Select(instrument =>
            {
                var a = advisor.Advise(instrument, settings.From, ids, settings.Emergency, urgent: settings.Urgent);
                if (role is not { } r) return a;
                var check = rules.Check(new RequestDraft(instrument.Id, settings.From, r, ids, settings.Emergency, Urgent: settings.Urgent));
                return a with { Applicable = check.CanSend, Conditions = check.Conditions, Problems = check.Problems, RefusalRisks = check.RefusalRisks, RequestedState = check.RequestedState };
            }).OrderByDescending(a => a.Applicable).ToList();
            return (Holder: world.Provider(g.Key), Items: ids, Advice: advice);
        }).ToList();

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                Scenario = world.ScenarioId,
                settings.From,
                Role = settings.Role,
                settings.Emergency,
                settings.Urgent,
                LawAsOf = catalogue.AsOf,
                Holders = groups.Select(g => new
                {
                    Holder = g.Holder.Id,
                    Established = g.Holder.Headquarters,
                    Evidence = g.Items,
                    Instruments = g.Advice.Select(a => new
                    {
                        a.Instrument.Id, a.Instrument.Name, a.Instrument.LegalBasis, a.Applicable,
                        Issuers = a.Issuers.Select(r => Names.Kebab(r)), a.RequestedState,
                        Conditions = a.Conditions.Select(c => new { c.Condition, c.Met, c.Source, c.Why }),
                        a.Problems, a.RefusalRisks,
                    }),
                }),
            }, JournalJson.Indented));
            return 0;
        }

        Console.Out.WriteLine($"Advice for {settings.From}{(settings.Role is null ? "" : $" as {settings.Role}")}{(settings.Emergency ? ", emergency requests" : "")}{(settings.Urgent ? ", urgent requests" : "")}, law as of {catalogue.AsOf} ({world.ScenarioId})");
        foreach (var g in groups)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{g.Holder.Id} (established in {g.Holder.Headquarters}): {string.Join(", ", g.Items)}");
            foreach (var a in g.Advice)
            {
                if (!a.Applicable)
                {
                    Console.Out.WriteLine($"  no   {a.Instrument.Id}: {a.Problems.FirstOrDefault() ?? "not applicable"}");
                    continue;
                }
                var issuers = role is null ? $"issued by {string.Join(" or ", a.Issuers.Select(r => Names.Kebab(r)))}" : $"as {settings.Role}";
                Console.Out.WriteLine($"  YES  {a.Instrument.Id} to {a.RequestedState}, {issuers} ({a.Instrument.LegalBasis})");
                foreach (var c in a.Conditions) Console.Out.WriteLine($"         met: {c.Condition} ({c.Source})");
                foreach (var risk in a.RefusalRisks) Console.Out.WriteLine($"         refusal risk: {risk}");
            }
        }
        return 0;
    }

    private static List<EvidenceItem> Items(ScenarioWorld world, Settings settings)
    {
        if (settings.Evidence is null)
        {
            var incidents = world.Incidents.Where(i => i.Investigating == settings.From).Select(i => i.Id).ToHashSet();
            var own = world.Evidence.Where(e => incidents.Contains(world.Lead(e.Lead).Incident)).ToList();
            return own.Count > 0 ? own : throw new ArgumentException($"{settings.From} investigates no incident of {world.ScenarioId}: name the items with --evidence");
        }
        var ids = settings.Evidence.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = ids.Where(id => !world.HasItem(id)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"--evidence: unknown item(s) {string.Join(", ", unknown)}; items: {string.Join(", ", world.Evidence.Select(e => e.Id))}");
        return [.. ids.Distinct().Select(world.Item)];
    }
}
