using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>A seat waiting on its office's queue is told why and until about when (issue 12, item 8).</summary>
public sealed class QueueEstimateTests
{
    [Fact]
    public void Requests_queued_at_a_one_officer_desk_are_told_the_case_ahead_and_the_hour_their_review_opens()
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml")), CatalogueLoader.Shipped, 8);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(8, new NoPolicy(), // nobody else sends Belmark work
            new HashSet<string> { "AL/contact-point", "BE/contact-point" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(13)); // night in Belmark, whose one point-of-contact officer keeps office hours
        var ids = new[] { "c2-flow-logs", "c2-disk-image", "c2-vps-subscriber" }
            .Select(e => s.Decide(new SendRequest("AL/contact-point", "budapest-art29-preservation", [e])).Request!).ToList();
        s.RunUntil(s.Now + TimeSpan.FromHours(4)); // all three reach Belmark, still at night there
        var requests = ids.Select(id => s.Request(id)!).ToList();
        Assert.All(requests, r => Assert.Equal(RequestState.Received, r.State));

        var first = s.EstimateQueue(requests[0])!;
        var belmark = s.World.Jurisdiction("BE").Calendar;
        Assert.Equal(belmark.NextOpening(s.Now), first.EstimatedStart); // the officer has it, and starts when the office opens
        Assert.Contains("an officer has it; the office opens", first.Reason);

        var second = s.EstimateQueue(requests[1])!;
        var third = s.EstimateQueue(requests[2])!;
        var once = s.QueueEstimator(); // what a view uses: the queue played forward once for all its cases
        Assert.Equal([first, second, third], requests.Select(r => once(r)!));
        Assert.Equal((0, 1, 1), (second.Ahead, second.Busy, second.Officers));
        Assert.Equal(belmark.NextOpening(requests[0].CaseEndsAt!.Value), second.EstimatedStart); // after the first case's work, in office hours
        Assert.Equal(1, third.Ahead);
        Assert.True(third.EstimatedStart > second.EstimatedStart);
        Assert.Equal("1 case(s) ahead, 1 of 1 officer(s) busy", third.Reason);
        Assert.True(belmark.IsOpen(third.EstimatedStart));
        s.RunUntil(first.EstimatedStart);
        Assert.Equal(RequestState.UnderReview, requests[0].State); // as estimated: the review opened with the office
        Assert.Null(s.EstimateQueue(requests[0])); // no longer waiting
        s.RunUntil(second.EstimatedStart);
        Assert.Equal(RequestState.UnderReview, requests[1].State); // the second's review opened when it was told it would
        Assert.Equal(RequestState.Received, requests[2].State);
    }
}
