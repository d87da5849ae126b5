using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Reports.Tests;

/// <summary>Headless runs of shipped scenarios, whose outcomes the trainers' briefings describe.</summary>
internal static class ReportRuns
{
    public static LoadedScenario Load(string id) => ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), id + ".yaml"));

    public static Simulation Run(string id, string policy, long seed = 1) =>
        HeadlessRunner.Run(Load(id), CatalogueLoader.Shipped, seed, PolicyCatalogue.Get(policy));

    /// <summary>The reference scenario with a hostile title and expected action: everything must come out escaped.</summary>
    public static Simulation RunHostile()
    {
        var path = Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml");
        var text = File.ReadAllText(path)
            .Replace("title: \"Ransomware at Castrel University Hospital\"", "title: \"<script>alert('title')</script> & <b>Castrel</b>\"")
            .Replace("expected-action: Coordinate a holding statement with the hospital;", "expected-action: <img src=x onerror=alert(1)> Coordinate a holding statement with the hospital;");
        Assert.Contains("<script>", text);
        Assert.Contains("<img src=x", text);
        var scenario = ScenarioLoader.Parse(text, path);
        return HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 1, new MlaOnlyPolicy());
    }
}
