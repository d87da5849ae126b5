using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>
/// Who issues a European Production Order, and the validation the Regulation requires of everyone else (REG Art. 4):
/// an investigator's order waits for a prosecutor or judge (Art. 4(1)(b)), a traffic or content order for a judge
/// (Art. 4(2)(b)), and in an emergency a subscriber or identification order goes first and is validated within 48
/// hours, or is withdrawn and what it produced erased (Art. 4(5)).
/// </summary>
public sealed class EuProductionOrderValidationTests
{
    private const string Id = "eu-epoc";

    private static LawWorld Eu() => LawWorld.Parties("eu-e-evidence");

    [Fact, Rule(Id, "issuers"), Rule(Id, "validation/rules/subscriber-identification"), Rule(Id, "validation/rules/traffic-content")]
    public void Art4_1_and_4_2_a_judge_or_prosecutor_issues_subscriber_orders_a_judge_traffic_and_content_orders_and_others_only_with_validation()
    {
        foreach (var category in new[] { DataCategory.Subscriber, DataCategory.Identification })
            OnlyIssuedBy(Id, category, [AuthorityRole.Prosecutor, AuthorityRole.Judge], withValidation: [AuthorityRole.Investigator]);
        foreach (var category in new[] { DataCategory.Traffic, DataCategory.Content })
            OnlyIssuedBy(Id, category, [AuthorityRole.Judge], withValidation: [AuthorityRole.Investigator, AuthorityRole.Prosecutor]);
    }

    [Fact, Rule(Id, "validation/rules/subscriber-identification")]
    public void Art4_1_b_an_investigators_order_is_sent_only_once_validated_and_not_issued_when_validation_is_refused()
    {
        var s = Send(Eu(), Investigator, Id, "subscriber");
        var r = s.Last();
        Assert.Equal(RequestState.AwaitingValidation, r.State);
        Assert.Null(r.SentAt);
        var sought = s.Events<ValidationSought>().Single();
        Assert.Equal((Prosecutor, (DateTimeOffset?)null), (sought.Validator, sought.DueBy));
        Assert.Equal(["prosecutor", "judge"], sought.MayValidate);

        Assert.Contains("it is for the prosecutor or judge of AA", s.Decide(new ValidateRequest(ContactPoint, r.Id, true)).Message);
        Assert.Contains("give the reason", s.Decide(new ValidateRequest(Prosecutor, r.Id, false)).Message);
        Assert.True(s.Decide(new ValidateRequest(Prosecutor, r.Id, false, "the facts do not link the account to the offence")).Accepted);
        Assert.Equal(RequestState.Withdrawn, r.State);
        Assert.Null(r.SentAt);
        Assert.False(s.Events<ValidationRefused>().Single().Afterwards);
        Assert.False(s.Decide(new ValidateRequest(Judge, r.Id, true)).Accepted); // settled: no later answer counts
    }

    [Fact, Rule(Id, "validation/rules/subscriber-identification")]
    public void Art4_1_b_a_validated_order_goes_out_and_is_answered_as_any_other()
    {
        var s = Send(Eu(), Investigator, Id, "subscriber");
        var r = s.Last();
        s.RunUntil(s.Now + TimeSpan.FromHours(3));
        Assert.True(s.Decide(new ValidateRequest(Judge, r.Id, true, "conforms to Art. 5")).Accepted);
        Assert.Equal(s.Now, r.SentAt);
        s.Settle(r);
        Assert.Equal(RequestState.Delivered, r.State);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        Assert.Equal(Judge, s.Events<RequestValidated>().Single().By);
    }

    [Fact, Rule(Id, "validation/rules/traffic-content")]
    public void Art4_2_b_a_prosecutors_traffic_order_is_validated_by_a_judge_not_by_the_prosecutor()
    {
        var s = Send(Eu(), Prosecutor, Id, "traffic");
        var r = s.Last();
        Assert.Equal(RequestState.AwaitingValidation, r.State);
        Assert.Equal(Judge, s.Events<ValidationSought>().Single().Validator);
        Assert.Contains("it is for the judge of AA", s.Decide(new ValidateRequest(Prosecutor, r.Id, true)).Message);
        Assert.True(s.Decide(new ValidateRequest(Judge, r.Id, true)).Accepted);
        Assert.Equal(RequestState.Sent, r.State);
    }

    [Fact, Rule(Id, "validation/rules/subscriber-identification")]
    public void Art4_1_b_where_no_trainee_holds_a_validating_office_its_authority_validates_in_its_own_time()
    {
        var s = Send(Eu().Run(Investigator), Investigator, Id, "subscriber");
        var r = s.Settle(s.Last());
        var validated = s.Events<RequestValidated>().Single();
        Assert.Equal((Prosecutor, false), (validated.By, validated.Afterwards));
        var review = LawWorld.Catalogue[Id].Validation!.Review;
        Assert.InRange(r.SentAt!.Value - r.DraftedAt, review.Min * 0.5, review.Max * 2);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
    }

    [Fact, Rule(Id, "validation/without-prior-validation"), Rule(Id, "validation/without-prior-validation/within")]
    public void Art4_5_in_an_emergency_an_investigators_subscriber_order_goes_at_once_and_is_validated_within_48_hours()
    {
        var s = Send(Eu().ThreatToLife(), Investigator, Id, "subscriber", emergency: true);
        var r = s.Last();
        Assert.Equal(RequestState.Sent, r.State);
        Assert.Equal(r.DraftedAt, r.SentAt);
        var sought = s.Events<ValidationSought>().Single();
        Assert.Equal(r.SentAt + TimeSpan.FromHours(48), sought.DueBy);
        s.Settle(r);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        Assert.True(s.Decide(new ValidateRequest(Prosecutor, r.Id, true)).Accepted); // after delivery, still within the 48 hours
        Assert.True(s.Events<RequestValidated>().Single().Afterwards);
        s.RunUntil(s.Now + TimeSpan.FromDays(3));
        Assert.Empty(s.Events<ValidationLapsed>());
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
    }

    [Fact, Rule(Id, "validation/without-prior-validation/within")]
    public void Art4_5_an_emergency_order_not_validated_within_48_hours_is_withdrawn_and_the_data_it_produced_erased()
    {
        var s = Send(Eu().ThreatToLife(), Investigator, Id, "subscriber", emergency: true);
        var r = s.Settle(s.Last());
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        s.StepUntil(() => s.Events<ValidationLapsed>().Any(), "the 48 hours ran out");
        Assert.Equal(r.SentAt + TimeSpan.FromHours(48), s.Now);
        Assert.Equal(EvidenceStatus.Lost, s.Evidence("subscriber").Status);
        Assert.StartsWith("erased:", s.Evidence("subscriber").LostReason);
        Assert.False(s.Decide(new ValidateRequest(Prosecutor, r.Id, true)).Accepted);
    }

    [Fact, Rule(Id, "validation/without-prior-validation")]
    public void Art4_5_validation_refused_after_an_emergency_order_went_withdraws_it_wherever_it_stands()
    {
        var s = Send(Eu().ThreatToLife(), Investigator, Id, "subscriber", emergency: true);
        var r = s.Last();
        Assert.True(s.Decide(new ValidateRequest(Judge, r.Id, false, "no imminent threat shown")).Accepted);
        Assert.Equal(RequestState.Withdrawn, r.State);
        Assert.True(s.Events<ValidationRefused>().Single().Afterwards);
        s.RunUntil(s.Now + TimeSpan.FromDays(1));
        Assert.NotEqual(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
    }

    [Fact, Rule(Id, "validation/without-prior-validation")]
    public void Art4_5_reaches_subscriber_and_identification_data_only_an_emergency_traffic_order_still_waits_for_its_judge()
    {
        var s = Send(Eu().ThreatToLife(), Investigator, Id, "traffic", emergency: true);
        Assert.Equal(RequestState.AwaitingValidation, s.Last().State);
        Assert.Null(s.Events<ValidationSought>().Single().DueBy);
        var direct = Send(Eu().ThreatToLife(), Prosecutor, Id, "subscriber", emergency: true);
        Assert.Empty(direct.Events<ValidationSought>()); // a prosecutor issues it itself (Art. 4(1)(a))
    }
}
