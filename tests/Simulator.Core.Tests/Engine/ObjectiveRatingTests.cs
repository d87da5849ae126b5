using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;

namespace Simulator.Core.Tests.Engine;

/// <summary>The end's ratings tell the truth about what a task achieved: a preservation asked for on time that did not keep the data is not "met without challenges".</summary>
public class ObjectiveRatingTests
{
    private const string Prosecutor = "HO/prosecutor", ContactPoint = "HO/contact-point";
    private static readonly string[] HomeSeats = ["HO/investigator", Prosecutor, "HO/judge", ContactPoint];

    [Fact]
    public void A_preservation_requested_on_time_whose_item_was_lost_all_the_same_is_rated_with_major_challenges_and_says_why()
    {
        // Art. 29 at once, no MLA request after it: the freeze lapses after 60 days and the logs are gone.
        var s = TestWorlds.Investigating(HomeSeats);
        Assert.True(s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"])).Accepted);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(120));
        Assert.Equal(EvidenceStatus.Lost, s.Evidence("c2-logs").Status);
        s.Finish("ended by the test");

        var rated = s.Journal.Entries.Select(e => e.Event).OfType<ObjectiveRated>().Single(r => r.Objective == "preserve-c2");
        Assert.Equal(Ratings.MajorChallenges, rated.Rating);
        Assert.Contains("sent at", rated.Evidence);
        Assert.Contains("; but c2-logs was lost at ", rated.Evidence);
        Assert.Contains("lapsed", rated.Evidence);

        // Exercises made under rules before 2026.12.4 keep the rating they were given: the request alone counted.
        var before = ObjectiveRater.Rate(s.World, s.Catalogue, s.Journal.Entries, laterLossLowers: false).Single(r => r.Objective == "preserve-c2");
        Assert.Equal(Ratings.WithoutChallenges, before.Rating);
        Assert.False(RulesVersion.LaterLossLowersRatings("2026.12.3"));
        Assert.True(RulesVersion.LaterLossLowersRatings(RulesVersion.Current));
    }

    [Fact]
    public void A_preservation_that_kept_the_data_until_it_was_obtained_stays_met_without_challenges()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"]));
        s.StepUntil(() => s.Evidence("c2-logs").Status == EvidenceStatus.Preserved, "c2-logs was preserved");
        Assert.True(s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-logs"])).Accepted);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(120));
        Assert.NotEqual(EvidenceStatus.Lost, s.Evidence("c2-logs").Status);
        s.Finish("ended by the test");

        var rated = s.Journal.Entries.Select(e => e.Event).OfType<ObjectiveRated>().Single(r => r.Objective == "preserve-c2");
        Assert.Equal(Ratings.WithoutChallenges, rated.Rating);
        Assert.DoesNotContain("lost", rated.Evidence);
    }
}
