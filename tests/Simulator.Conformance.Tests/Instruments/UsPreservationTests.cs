using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A US government preservation request to a provider (18 USC 2703(f)).</summary>
public sealed class UsPreservationTests
{
    private const string Id = "us-2703f-preservation";

    /// <summary>A US-led case: AA plays the United States (us-sca binds its providers), the host is a US provider.</summary>
    private static LawWorld UsLed() => LawWorld.Parties("budapest", "us-sca").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host);

    [Fact, Rule(Id, "issuers")]
    public void Any_US_governmental_entity_may_ask_a_provider_to_preserve() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Investigator, AuthorityRole.Prosecutor, AuthorityRole.Judge, AuthorityRole.ContactPoint);

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void Section_2703_f_1_is_a_request_of_a_US_governmental_entity_not_of_a_foreign_authority() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", UsLed(), LawWorld.UnitedStatesHost(), "AA is not party to us-sca");

    [Fact, Rule(Id, "preconditions/provider-state-party")]
    public void Section_2703_f_1_binds_providers_subject_to_US_law() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", UsLed(), LawWorld.Parties("budapest", "us-sca").State(LawWorld.Requested, "budapest"), "host is established in BB, not under us-sca");

    [Fact, Rule(Id, "preservation/period")]
    public void Section_2703_f_2_records_are_retained_for_90_days() =>
        PreservationLasts(UsLed(), Prosecutor, Id, "traffic", TimeSpan.FromDays(90));

    [Fact, Rule(Id, "preservation/extension")]
    public void Section_2703_f_2_one_renewed_request_extends_by_90_days_so_180_at_most() =>
        PreservationExtends(UsLed(), Prosecutor, Id, "traffic", TimeSpan.FromDays(90), 1);

    [Fact, Rule(Id, "preservation/continuation")]
    public void Section_2703_f_1_records_are_kept_pending_the_court_order_or_other_process() =>
        PreservationHoldsPendingProduction(UsLed().ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("300d") }),
            Prosecutor, Id, "traffic", Judge, "domestic-production-order");
}
