namespace Simulator.Core.Policies;

/// <summary>The traditional route only: mutual legal assistance, no preservation first, no escalation. The baseline.</summary>
public sealed class MlaOnlyPolicy : PreferencePolicy
{
    public override string Name => "mla-only";
    public override string Description => "Mutual legal assistance (Budapest Art. 31) for everything held abroad; domestic orders at home; no preservation first, no escalation.";
    protected override IReadOnlyList<string> Production => InstrumentLists.MlaProduction;
    protected override bool Escalates => false;
}

/// <summary>Freeze first through the 24/7 network, then ask for the data by MLA once the freeze is confirmed.</summary>
public sealed class PreserveThenMlaPolicy : PreferencePolicy
{
    public override string Name => "preserve-then-mla";
    public override string Description => "Preservation first (domestic Art. 16, or Art. 29 through the 24/7 network), then MLA (Art. 31) once preserved; extends preservations and escalates at-risk requests.";
    protected override IReadOnlyList<string> Preservation => FollowsPractice ? InstrumentLists.PreservationWithoutEuOrders : InstrumentLists.PreservationWithoutEuOrdersBefore2026_12_3;
    protected override IReadOnlyList<string> Production => InstrumentLists.MlaProduction;
    protected override bool ProductionWaitsForPreservation => true;
}

/// <summary>Go to the provider directly wherever a legal basis allows, with preservation alongside; MLA only as the fallback.</summary>
public sealed class DirectOrdersFirstPolicy : PreferencePolicy
{
    public override string Name => "direct-orders-first";
    public override string Description => "Direct orders to providers where available (EU production orders, CLOUD Act agreement orders, Second Protocol Art. 7), preservation alongside (EU preservation orders, Art. 29); open sources first; MLA as the fallback.";
    protected override IReadOnlyList<string> Preservation => FollowsPractice ? InstrumentLists.Preservation : InstrumentLists.PreservationBefore2026_12_3;
    protected override IReadOnlyList<string> Production => InstrumentLists.DirectProduction;
}

/// <summary>As direct-orders-first, but a threat to life sends the emergency channels first.</summary>
public class EmergencyAwarePolicy : PreferencePolicy
{
    public override string Name => "emergency-aware";
    public override string Description => "Where life is at risk, emergency channels first (US 2702 voluntary emergency disclosure, EU production order in 8 hours, Second Protocol Arts. 9 and 10), with preservation beside them; otherwise as direct-orders-first.";
    protected override IReadOnlyList<string> Emergency => InstrumentLists.Emergency;
    protected override IReadOnlyList<string> Preservation => FollowsPractice ? InstrumentLists.Preservation : InstrumentLists.PreservationBefore2026_12_3;
    protected override IReadOnlyList<string> Production => InstrumentLists.DirectProduction;
}

/// <summary>
/// The trade-off made visible: as emergency-aware, the fastest routes, but every request asks for every record its
/// holder keeps (<see cref="Engine.RequestScope.Everything"/>), not what the facts support. Breadth buys no speed: it
/// brings third-party records, and requested states narrow it (docs/safeguards.md). Nor does it wait for consent to
/// use evidence beyond its purpose: each such use is a violation, and the other investigation's court excludes it.
/// </summary>
public sealed class EverythingFastestPolicy : EmergencyAwarePolicy
{
    public override string Name => "everything-fastest";
    public override string Description => "As emergency-aware (the fastest routes, with preservation beside them), but every request asks for every record the holder keeps rather than what the facts support: the breadth is narrowed by requested states that review it and brought in full, third-party records included, by orders a provider executes. Evidence wanted in another investigation or by another state is used at once, without asking the consent the giving state's terms require; the persons whose data its EU orders obtain are neither told nor is a delay recorded (REG Art. 13).";
    // The routes are emergency-aware's, inherited: only the scope and the haste with other uses differ.
    protected override Engine.RequestScope? Scope => Engine.RequestScope.Everything;
    protected override bool AsksConsentBeforeUse => false;
    protected override bool InformsPersons => false;
}

/// <summary>For seats that people play: the engine waits for their commands and decides nothing itself.</summary>
public sealed class NoPolicy : IInvestigationPolicy
{
    public string Name => "none";
    public string Description => "Takes no decisions: every investigating state is played by people.";
    public void OnLeadDiscovered(PolicyContext context, World.Lead lead) { }
    public void OnRequestClosed(PolicyContext context, Engine.RequestRecord request) { }
    public void OnPreservationExpiring(PolicyContext context, Engine.PreservationRecord preservation) { }
    public void OnDeadlineAtRisk(PolicyContext context, Engine.RequestRecord request) { }
    public void OnRetentionAtRisk(PolicyContext context, Engine.EvidenceState evidence) { }
}

/// <summary>Every shipped policy by name.</summary>
public static class PolicyCatalogue
{
    public static readonly IReadOnlyList<IInvestigationPolicy> All =
        [new MlaOnlyPolicy(), new PreserveThenMlaPolicy(), new DirectOrdersFirstPolicy(), new EmergencyAwarePolicy(), new EverythingFastestPolicy()];

    public static IInvestigationPolicy Get(string name) =>
        name == "none" ? new NoPolicy()
        : All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException(Unknown(name)!);

    /// <summary>The policy as it played under <paramref name="rulesVersion"/>: what a stored exercise or record replays by.</summary>
    public static IInvestigationPolicy Get(string name, string? rulesVersion) =>
        Get(name) is PreferencePolicy preference ? preference.Under(rulesVersion ?? Engine.RulesVersion.BeforePinning) : Get(name);

    /// <summary>
    /// The one check of a policy's name, wherever one is given (CLI, REST, hub): null when it names a shipped policy
    /// (or "none", where people may hold every seat), else the message that says which names there are.
    /// </summary>
    public static string? Unknown(string name, bool noneAllowed = true) =>
        (noneAllowed && name == "none") || All.Any(p => p.Name == name) ? null
        : $"unknown policy '{Common.Echo.Clip(name)}'; choose one of: {string.Join(", ", All.Select(p => p.Name))}";
}
