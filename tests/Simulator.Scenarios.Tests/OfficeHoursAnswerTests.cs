using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Core.World;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// An office that keeps office hours answers only when it is open (rules 2026.12.5, issue 13): a Monday-to-Friday
/// central authority does not approve a request at 3 a.m. or on a Saturday. Exercises made under earlier rules keep
/// answering when the work ends, so they replay as they were played.
/// </summary>
public sealed class OfficeHoursAnswerTests
{
    [Fact]
    public void Under_the_current_rules_every_case_at_an_office_with_hours_ends_while_it_is_open()
    {
        var answers = CaseEnds(RulesVersion.Current);
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.Calendar.IsOpen(a.EndsAt), $"a case ended at {a.EndsAt:u}, when its office was closed"));
    }

    [Fact]
    public void Under_rules_before_2026_12_5_cases_still_end_when_their_work_does_even_with_the_office_closed()
    {
        var answers = CaseEnds("2026.12.4");
        Assert.Contains(answers, a => !a.Calendar.IsOpen(a.EndsAt));
    }

    /// <summary>Every case's end at an office with a calendar, over the shipped scenarios played by two policies on a few seeds.</summary>
    private static List<(WorkingCalendar Calendar, DateTimeOffset EndsAt)> CaseEnds(string rules)
    {
        var ends = new List<(WorkingCalendar, DateTimeOffset)>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.Scenarios(), "*.yaml").Order(StringComparer.Ordinal))
            foreach (var policy in new[] { "preserve-then-mla", "mla-only" })
                for (var seed = 1; seed <= 3; seed++)
                {
                    var built = WorldBuilder.Build(ScenarioLoader.Load(file), CatalogueLoader.Shipped, seed);
                    Simulation? s = null;
                    var seen = new HashSet<(string, DateTimeOffset)>();
                    void Look(Core.Journal.JournalEntry _)
                    {
                        foreach (var r in s!.Requests)
                            if (r is { ActiveOffice.Calendar: { } calendar, CaseEndsAt: { } at } && seen.Add((r.Id, at)))
                                ends.Add((calendar, at));
                    }
                    s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(rules, seed, PolicyCatalogue.Get(policy, rules), onJournal: Look));
                    s.Start();
                    s.RunToEnd();
                }
        return ends;
    }
}
