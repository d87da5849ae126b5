using System.Text.Json.Nodes;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Scenarios.Yaml;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// Bounded loading (issue 15 item 1): a file is measured before it is read, its nesting and its aliases' expansion
/// are bounded before any tree is built of it, and a number a field cannot hold is refused at its place. The files
/// that once crashed the loader are kept in Broken/ with the message each now gives (<see cref="BrokenFileTests"/>).
/// </summary>
public sealed class BoundedLoadingTests
{
    private static Diagnostic Refusal(Action load) => Assert.Single(Assert.Throws<FileProblemsException>(load).Problems);

    [Fact]
    public void A_file_above_the_size_limit_is_refused_before_it_is_read_and_a_text_above_it_before_it_is_parsed()
    {
        var small = new YamlLimits(MaxChars: 1024, MaxDepth: 32, MaxValues: 1000);
        var path = Path.Combine(Directory.CreateTempSubdirectory("simulator-limits-").FullName, "big.yaml");
        File.WriteAllText(path, "title: " + new string('x', 2000));
        var file = Refusal(() => YamlFile.Read(path, "the scenario", small));
        Assert.Equal((path, 1, 1), (file.File, file.Line, file.Column));
        Assert.StartsWith("the scenario is larger than the limit of 0 MB (set SIMULATOR_MAX_FILE_MB to change it)", file.Message);
        var text = Refusal(() => YamlToJson.Read(File.ReadAllText(path), "big.yaml", small));
        Assert.StartsWith("the file is larger than the limit", text.Message);
        Assert.Equal(8L * 1024 * 1024, YamlLimits.Default.MaxChars); // unless SIMULATOR_MAX_FILE_MB says otherwise
    }

    [Fact]
    public void Nesting_and_alias_expansion_are_bounded_at_the_place_that_passes_the_limit()
    {
        var limits = new YamlLimits(1 << 20, MaxDepth: 4, MaxValues: 50);
        var deep = Refusal(() => YamlToJson.Read("a:\n  b:\n    c: [[1]]\n", "deep.yaml", limits));
        Assert.Equal((3, 9, "lists and mappings nest deeper than 4 levels here, the limit"), (deep.Line, deep.Column, deep.Message));
        var expands = Refusal(() => YamlToJson.Read("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n", "bomb.yaml", limits));
        Assert.Equal(2, expands.Line);
        Assert.StartsWith("aliases expand the file past 50 values", expands.Message);
        // An alias before its anchor would be resolved after the fact, where cycles and uncounted expansions hide.
        var forward = Refusal(() => YamlToJson.Read("a: &x [*y]\nb: &y [*x]\n", "loop.yaml", limits));
        Assert.Equal((1, 8, "the alias *y names no anchor &y before it"), (forward.Line, forward.Column, forward.Message));
        // Nesting counts through aliases: an anchor three deep used two levels down is five deep.
        var through = Refusal(() => YamlToJson.Read("a: &a [[[1]]]\nb:\n  c: [*a]\n", "through.yaml", limits));
        Assert.Equal((3, 7, "through the alias *a, lists and mappings nest deeper than 4 levels here, the limit"), (through.Line, through.Column, through.Message));
        // A redefined anchor counts as defined last.
        var redefined = Refusal(() => YamlToJson.Read("a: &a 1\nb: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\nc: [*a, *a]\n", "again.yaml", limits));
        Assert.Equal(3, redefined.Line);
        // Within the limits an alias is read as the value it names, as before.
        var (root, _) = YamlToJson.Read("a: &a [1, 2]\nb: *a\n", "ok.yaml", limits);
        Assert.Equal("[1,2]", root!["b"]!.ToJsonString());
    }

    private sealed class Counted
    {
        public int Count { get; set; }
    }

    [Fact]
    public void A_number_a_field_cannot_hold_is_refused_at_its_place_whatever_the_schema_lets_through()
    {
        var (root, positions) = YamlToJson.Read("count: 3000000000\n", "n.yaml");
        var refused = Refusal(() => FileJson.Read<Counted>(root!, positions));
        Assert.Equal(("n.yaml", 1, 8), (refused.File, refused.Line, refused.Column));
        Assert.StartsWith("3000000000 is out of range for this field", refused.Message);
        Assert.Equal("/incidents/0/offence/max-penalty-years", FileJson.Pointer("$.incidents[0].offence.max-penalty-years"));
        Assert.Equal("/a~1b/2", FileJson.Pointer("$['a/b'][2]"));
    }

    [Fact]
    public void Every_shipped_file_loads_well_within_the_limits()
    {
        foreach (var path in Directory.GetFiles(RepositoryFiles.Scenarios(), "*.yaml"))
            ScenarioLoader.Load(path); // throws on any problem
        var tight = new YamlLimits(512 * 1024, MaxDepth: 12, MaxValues: 50_000);
        foreach (var path in new[] { "", "catalogue", "overlays" }.SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryFiles.Scenarios(), folder), "*.yaml")))
            YamlToJson.Read(File.ReadAllText(path), path, tight);
    }
}
