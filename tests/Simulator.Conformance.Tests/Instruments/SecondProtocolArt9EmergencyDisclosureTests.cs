using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Expedited disclosure of stored data in an emergency, through the 24/7 network (CETS 224 Art. 9).</summary>
public sealed class SecondProtocolArt9EmergencyDisclosureTests
{
    private const string Id = "budapest-2ap-art9-emergency-disclosure";

    private static LawWorld Parties() => LawWorld.Parties("budapest", "budapest-2ap").ThreatToLife();

    [Fact, Rule(Id, "issuers")]
    public void Art9_is_asked_by_the_contact_point_or_a_prosecutor() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.ContactPoint, AuthorityRole.Prosecutor);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art9_1_is_open_only_between_Parties_to_the_Protocol() =>
        Condition(Id, AuthorityRole.ContactPoint, "content", Parties(), Parties().State(LawWorld.Requested, "budapest"), "BB is not party to budapest-2ap", emergency: true);

    [Fact, Rule(Id, "preconditions/emergency")]
    public void Art9_needs_a_significant_and_imminent_risk_to_life_or_safety_Art3_2_c()
    {
        Refused(Parties().Check(Id, AuthorityRole.ContactPoint, false, "content"), "is for emergencies only");
        Refused(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.ContactPoint, true, "content"), "shows no such threat");
        Allowed(Parties().Check(Id, AuthorityRole.ContactPoint, true, "content"));
    }

    [Fact, Rule(Id, "emergency-review")]
    public void Art9_the_requested_Partys_point_of_contact_decides_on_the_request_before_the_provider_is_asked()
    {
        var s = Send(Parties(), ContactPoint, Id, "content", emergency: true);
        var r = s.Settle(s.Last());
        var changes = s.Events<Simulator.Core.Journal.RequestStateChanged>().Where(c => c.Request == r.Id).ToList();
        var review = changes.FindIndex(c => c.To == "under-review");
        var approval = changes.FindIndex(c => c.To == "approved");
        Assert.True(review >= 0, "the request was passed on without the requested Party deciding on it: " + string.Join(", ", changes.Select(c => $"{c.From}->{c.To}")));
        Assert.StartsWith(LawWorld.Requested + "/", changes[review].By);
        Assert.True(approval > review, "approved before it was reviewed");
        Assert.DoesNotContain(changes, c => c.Trigger == "fast-track");
        Assert.True(r.ClosedAt - r.SentAt < TimeSpan.FromDays(2), $"an emergency review took {r.ClosedAt - r.SentAt}"); // rapidly: the review is hours
    }

    [Fact, Rule(Id, "emergency-deadline")]
    public void Art9_the_emergency_answer_is_due_within_the_simulators_24_hours() =>
        DeadlineRuns(Parties(), ContactPoint, Id, "content", true, TimeSpan.FromHours(24), CountedFrom.Sending);
}
