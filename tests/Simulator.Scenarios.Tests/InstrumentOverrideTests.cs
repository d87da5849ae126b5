using Simulator.Core.Common;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>A scenario's instrument-overrides replace the catalogue's figures for that exercise.</summary>
public sealed class InstrumentOverrideTests
{
    [Fact]
    public void An_overridden_response_deadline_applies_to_every_category_even_where_the_law_sets_them_apart()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));
        var art8 = CatalogueLoader.Shipped["budapest-2ap-art8-giving-effect"];
        Assert.NotNull(art8.ResponseDeadlines); // CETS 224 Art. 8: subscriber information and traffic data apart
        loaded.File.InstrumentOverrides.Add(new OverrideFile { Instrument = art8.Id, ResponseDeadline = "30d" });
        var overridden = WorldBuilder.Build(loaded, CatalogueLoader.Shipped, 1).Catalogue[art8.Id];
        Assert.Null(overridden.ResponseDeadlines);
        Assert.Equal(TimeSpan.FromDays(30), overridden.DeadlineFor([DataCategory.Subscriber], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(30), overridden.DeadlineFor([DataCategory.Traffic], false)!.Value);
    }
}
