using System.Text;
using CsCheck;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Scenarios;
using Simulator.Scenarios.Authoring;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Planning.Tests;

/// <summary>
/// Property-based tests (issue 15 item 9): scenarios, overlays, MSEL spreadsheets and journals, broken at random the
/// ways a hand, a tool or an attacker breaks files (a span cut, doubled or moved, hostile text spliced in), are
/// either read, or refused with every problem at its file:line:column; never a crash. Journals so broken are refused
/// at a line, unless what is left is the journal's own beginning. CsCheck prints the seed of a failure to replay it.
/// </summary>
public sealed class HostileFilesProperties
{
    private const int Iterations = 150;

    /// <summary>What is spliced into a file: YAML's and CSV's special characters, anchors and aliases, numbers past every range, non-ASCII digits, control characters.</summary>
    private static readonly string[] Hostile =
    [
        "&a [*a, *a]", "*a", "&b", "[[[[[[[[", "{{{{", "}", "]", ": ", "- ", "? ", "|", ">", "!!binary", "!!python/object", "%YAML 1.1\n", "---\n", "...\n",
        "\"", "'", "#", "\t", "\r", "\0", "\u001b[31m", "\u202e", "1e308", "-1e308", "2147483648", "99999999999999999999", "-0", "NaN", ".inf",
        "P99999999D", "٣d", "12:00+25:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "true", "null", "~", "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "\"\"\"", ",,,,", "\n\n\n",
    ];

    private static readonly Gen<string> Splice = Gen.OneOf<string>(Gen.OneOf(Hostile), Gen.String[Gen.Char.AlphaNumeric, 0, 12]);

    /// <summary>One random breakage of <paramref name="text"/>: a span cut, doubled, moved elsewhere, or hostile text put in.</summary>
    private static Gen<string> Broken(string text) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, text.Length], Gen.Int[0, Math.Min(200, text.Length)], Gen.Int[0, text.Length], Splice, (kind, at, length, to, splice) =>
        {
            length = Math.Min(length, text.Length - at);
            var span = text.Substring(at, length);
            return kind switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, span),
                2 => text.Remove(at, length) is var cut ? cut.Insert(Math.Min(to, cut.Length), span) : text,
                _ => text.Insert(at, splice),
            };
        });

    /// <summary>Several breakages on top of one another.</summary>
    private static Gen<string> BrokenSeveralTimes(string text) =>
        Gen.Int[1, 4].SelectMany(times => Enumerable.Range(0, times).Aggregate(Gen.Const(text), (g, _) => g.SelectMany(Broken)));

    /// <param name="files">Where a problem may be placed: the broken file, or (an MSEL's rows merged into their scenario) the scenario a row leaves wrong.</param>
    private static void ReadOrRefusedAtAPlace(Action read, params string[] files)
    {
        try { read(); }
        catch (FileProblemsException e)
        {
            Assert.NotEmpty(e.Problems);
            foreach (var p in e.Problems)
            {
                Assert.True(files.Contains(p.File), $"a problem placed in another file: {p}");
                Assert.True(p.Line >= 1 && p.Column >= 1, $"a problem without its place: {p}");
                Assert.False(string.IsNullOrWhiteSpace(p.Message), $"a problem without its message: {p}");
            }
        }
    }

    private static string Scenario(string name) => File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios(), name));

    [Fact]
    public void A_broken_scenario_is_read_or_refused_at_its_place()
    {
        var text = Scenario("hospital-ransomware.yaml");
        BrokenSeveralTimes(text).Sample(broken => ReadOrRefusedAtAPlace(() => ScenarioLoader.Parse(broken, "broken.yaml"), "broken.yaml"), iter: Iterations);
    }

    [Fact]
    public void A_broken_overlay_is_read_and_applied_or_refused_at_its_place()
    {
        var scenario = ScenarioLoader.Parse(Scenario("hospital-ransomware.yaml"), "hospital-ransomware.yaml");
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios(), "overlays", "belmark-ratifies-second-protocol.yaml"));
        BrokenSeveralTimes(text).Sample(broken => ReadOrRefusedAtAPlace(
            () => OverlayApplier.Apply(OverlayLoader.Parse(broken, "broken.yaml"), scenario, CatalogueLoader.Shipped), "broken.yaml"), iter: Iterations);
    }

    [Fact]
    public void A_broken_msel_spreadsheet_is_imported_or_refused_at_its_row_and_column()
    {
        var scenarioText = Scenario("hospital-ransomware.yaml");
        var csv = MselCsv.Export(ScenarioLoader.Parse(scenarioText, "hospital-ransomware.yaml").File);
        BrokenSeveralTimes(csv).Sample(broken => ReadOrRefusedAtAPlace(
            () => MselCsv.Import(scenarioText, "hospital-ransomware.yaml", broken, "broken.csv"), "broken.csv", "hospital-ransomware.yaml"), iter: Iterations);
    }

    [Fact]
    public void A_broken_journal_is_refused_at_a_line_unless_what_is_left_is_its_own_beginning()
    {
        var scenario = ScenarioLoader.Parse(Scenario("hospital-ransomware.yaml"), "hospital-ransomware.yaml");
        var journal = Encoding.UTF8.GetString(HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 1, new MlaOnlyPolicy()).Journal.ToBytes());
        var lines = journal.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Breaking the last 40 lines keeps each check short; every line is hashed alike.
        var tail = string.Join('\n', lines[^40..]);
        var head = lines[..^40];
        Broken(tail).Sample(broken =>
        {
            var brokenLines = head.Concat(broken.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var result = JournalVerifier.Verify(brokenLines);
            if (result.Valid)
                Assert.True(brokenLines.Count <= lines.Length && brokenLines.SequenceEqual(lines.Take(brokenLines.Count)), "a changed journal was taken as valid");
            else
                Assert.True(result.FirstBadLine is >= 1 && result.FirstBadLine <= brokenLines.Count + 1, $"refused without its line: {result.Message}");
        }, iter: Iterations);
    }
}
