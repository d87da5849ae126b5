using Simulator.Core.Procedures;

namespace Simulator.Core.Tests.Procedures;

public class RequestLifecycleTests
{
    private static RequestLifecycle Through(bool emergency, params RequestTrigger[] triggers)
    {
        var r = new RequestLifecycle(emergency);
        foreach (var t in triggers) r.Fire(t);
        return r;
    }

    [Fact]
    public void A_request_runs_from_draft_to_delivery()
    {
        var r = Through(false, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.StartReview,
            RequestTrigger.Approve, RequestTrigger.Execute, RequestTrigger.Produce, RequestTrigger.Deliver);
        Assert.Equal(RequestState.Delivered, r.State);
        Assert.True(r.IsClosed);
    }

    [Fact]
    public void Refusal_records_its_ground_and_closes_the_request()
    {
        var r = Through(false, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.StartReview);
        r.Refuse("political-offence");
        Assert.Equal(RequestState.Refused, r.State);
        Assert.Equal("political-offence", r.RefusalGround);
        Assert.True(r.IsClosed);
        Assert.False(r.CanFire(RequestTrigger.Approve));
    }

    [Fact]
    public void Clarification_loops_back_to_review_and_is_counted()
    {
        var r = Through(false, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.StartReview,
            RequestTrigger.AskClarification, RequestTrigger.Clarify, RequestTrigger.AskClarification, RequestTrigger.Clarify);
        Assert.Equal(RequestState.UnderReview, r.State);
        Assert.Equal(2, r.Clarifications);
    }

    [Fact]
    public void Only_an_emergency_may_skip_review()
    {
        Assert.False(Through(false, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive).CanFire(RequestTrigger.FastTrack));
        var emergency = Through(true, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.FastTrack);
        Assert.Equal(RequestState.Approved, emergency.State);
    }

    [Fact]
    public void Escalation_keeps_the_state_and_is_counted()
    {
        var r = Through(false, RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.StartReview, RequestTrigger.Escalate);
        Assert.Equal(RequestState.UnderReview, r.State);
        Assert.Equal(1, r.Escalations);
    }

    [Fact]
    public void Transitions_out_of_order_are_refused()
    {
        var r = new RequestLifecycle(false);
        Assert.False(r.CanFire(RequestTrigger.Approve));
        Assert.Throws<InvalidOperationException>(() => r.Fire(RequestTrigger.Deliver));
        Assert.Equal(RequestState.Draft, r.State);
    }

    [Fact]
    public void Every_procedure_exports_a_mermaid_diagram()
    {
        foreach (var (name, _, mermaid) in ProcedureDiagrams.All())
        {
            Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart());
            Assert.Contains("-->", mermaid);
        }
        var request = ProcedureDiagrams.All().Single(d => d.Name == "request").Mermaid;
        Assert.Contains("AwaitingClarification", request);
        Assert.Contains("FastTrack", request);
    }

    [Theory]
    [InlineData(RequestTrigger.Send)]
    [InlineData(RequestTrigger.Produce)]
    public void An_objection_may_refuse_a_request_until_it_is_delivered(RequestTrigger upTo)
    {
        var path = new[] { RequestTrigger.Check, RequestTrigger.Send, RequestTrigger.Receive, RequestTrigger.StartReview, RequestTrigger.Approve, RequestTrigger.Execute, RequestTrigger.Produce };
        var r = Through(false, path[..(Array.IndexOf(path, upTo) + 1)]);
        r.Refuse("immunities-privileges");
        Assert.Equal(RequestState.Refused, r.State);
        var delivered = Through(false, [.. path, RequestTrigger.Deliver]);
        Assert.Throws<InvalidOperationException>(() => delivered.Refuse("too-late"));
    }
}
