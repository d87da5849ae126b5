using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Minimised production (issue 14 item 4): asked with the request, the holder redacts third parties' records before
/// transfer, at the catalogue's time per record; what is transferred is the suspects' records within the need.
/// </summary>
public sealed class RedactionTests
{
    private static LawWorld Eu() => LawWorld.Parties("eu-e-evidence").FactsSupport(["203.0.113.9"], from: -1, to: 0, records: 10, thirdParty: 2);

    private static (Simulation, RequestRecord) Order(RequestScope? scope, bool minimise)
    {
        var s = Eu().Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Scope: scope, Minimise: minimise)).Accepted);
        var r = s.Settle(s.Last());
        Assert.Equal(Core.Procedures.RequestState.Delivered, r.State);
        return (s, r);
    }

    [Fact]
    public void The_holder_redacts_third_parties_records_before_transfer_and_takes_the_catalogues_time_for_each()
    {
        var perRecord = LawWorld.Catalogue.Figures.RedactionTime;
        Assert.Equal(TimeSpan.FromMinutes(2), perRecord);
        var (plain, p) = Order(null, minimise: false);
        var (minimised, m) = Order(null, minimise: true);
        var redacted = minimised.Events<RecordsRedacted>().Single();
        Assert.Equal((2, "4min", "provider/host"), (redacted.Records, redacted.Took, redacted.By));
        Assert.Equal(perRecord * 2, m.RespondedAt - p.RespondedAt); // the same draws, and the redaction on top
        Assert.Empty(plain.Events<RecordsRedacted>());
        Assert.Equal(new RightsSummary(0, 0, 8, 0, 0, RecordsRedacted: 2, PersonsToInform: 1, PersonsNotInformed: 1), minimised.Outcome().Rights);
        Assert.True(minimised.Events<RequestDrafted>().Single().Minimise);
    }

    [Fact]
    public void Minimised_production_of_an_over_broad_request_transfers_nothing_beyond_the_need_and_the_trial_admits_it()
    {
        var (s, r) = Order(RequestScope.Everything, minimise: true);
        Assert.True(r.AssessmentAsked.OverBroad);
        Assert.Equal(3642, s.Events<RecordsRedacted>().Single().Records);
        Assert.Equal(Verdict.Admissible, Core.Admissibility.Trial.Examine(s, s.Evidence("traffic")).Verdict);
        Assert.Equal(new RightsSummary(1, 0, 8, 0, 0, RecordsRedacted: 3642, PersonsToInform: 1, PersonsNotInformed: 1), s.Outcome().Rights);
    }
}
