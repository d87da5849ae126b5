using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// A set of broken scenario files (tests/Simulator.Scenarios.Tests/Broken), one mistake each, with the diagnostic the
/// validator must give on its second line: "# expect: file:line:column: message". They double as examples for authors.
/// </summary>
public class BrokenFileTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(RepositoryFiles.Scenarios())!, "tests", "Simulator.Scenarios.Tests", "Broken");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_validator_explains_the_mistake_at_its_place(string file)
    {
        var path = Path.Combine(Folder, file);
        var expected = File.ReadLines(path).Skip(1).First();
        Assert.StartsWith("# expect: ", expected);
        var problems = ScenarioLoader.Validate(path).Select(p => p.ToString().Replace(Folder + Path.DirectorySeparatorChar, "")).ToList();
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.StartsWith(expected["# expect: ".Length..], StringComparison.Ordinal));
    }
}
