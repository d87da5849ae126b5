using System.Text.RegularExpressions;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>The engine's figures are the catalogue's: a catalogue that changes one changes the run, and one written before it was a figure still loads.</summary>
public sealed class EngineFigureTests
{
    private static readonly string[] Added = ["emergency-speed-factor", "clarification-answer-share", "binding-deadline-share", "policy-reaction-depth"];

    [Fact]
    public void A_catalogue_written_before_the_newer_figures_loads_with_the_values_the_engine_used_then()
    {
        var before = CatalogueLoader.ShippedText;
        foreach (var figure in Added) before = Regex.Replace(before, $"^  {figure}:.*\n", "", RegexOptions.Multiline);
        Assert.DoesNotContain("emergency-speed-factor", before);
        Assert.Equal(CatalogueLoader.Shipped.Figures, CatalogueLoader.Parse(before, "before.yaml").Figures);
        Assert.Equal((0.25, 0.5, 0.9, 8), (CatalogueLoader.Shipped.Figures.EmergencySpeedFactor, CatalogueLoader.Shipped.Figures.ClarificationAnswerShare,
            CatalogueLoader.Shipped.Figures.BindingDeadlineShare, CatalogueLoader.Shipped.Figures.PolicyReactionDepth));
    }

    [Fact]
    public void An_emergency_runs_at_the_speed_the_catalogue_gives_it()
    {
        var slower = CatalogueLoader.Parse(CatalogueLoader.ShippedText.Replace("emergency-speed-factor: 0.25", "emergency-speed-factor: 1"), "slower.yaml");
        var path = Path.Combine(RepositoryFiles.Scenarios(), "sextortion-threat-to-life.yaml");
        var shipped = HeadlessRunner.Run(ScenarioLoader.Load(path), CatalogueLoader.Shipped, 7, PolicyCatalogue.Get("emergency-aware"));
        var asUsual = HeadlessRunner.Run(ScenarioLoader.Load(path, slower), slower, 7, PolicyCatalogue.Get("emergency-aware"));
        // The first emergency request reaches its provider later when emergencies are not sped up.
        DateTimeOffset FirstSent(Core.Engine.Simulation s) => s.Requests.First(r => r.Emergency).SentAt!.Value;
        Assert.True(FirstSent(asUsual) > FirstSent(shipped), $"{FirstSent(asUsual)} is not after {FirstSent(shipped)}");
    }
}
