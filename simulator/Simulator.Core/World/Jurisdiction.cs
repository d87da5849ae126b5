namespace Simulator.Core.World;

public enum Staffing
{
    AroundTheClock,
    OfficeHours,
}

/// <summary>A bilateral agreement between two states, e.g. a CLOUD Act executive agreement or an MLA treaty.</summary>
public sealed record Agreement(string With, string Kind, string Source);

/// <summary>The state's 24/7 point of contact (Budapest Art. 35).</summary>
public sealed record ContactPointOffice(Staffing Staffing, int Officers);

/// <summary>The central authority that sends and answers mutual legal assistance requests (Budapest Art. 27(2)).</summary>
public sealed record CentralAuthorityOffice(int Officers, Common.DurationRange QueueWait);

/// <summary>
/// A state as the simulation sees it: which treaties bind it, what it criminalises, what it regards as political,
/// how well its authorities are resourced, when they work, and what its law forbids its providers to disclose abroad.
/// <see cref="RefusesOverBroad"/>: where its law refuses a request for assistance beyond what its facts support (a
/// fishing expedition) instead of executing it for the need, the source that says so; null where it does not.
/// <see cref="ReimbursesProviders"/>: where its law reimburses providers' costs of answering its domestic orders, the
/// source that says so, so that they may claim what they spend on its EU orders from it (REG 2023/1543 Art. 14); null where it does not.
/// <see cref="AttachesConditions"/>: the uses this state, played by the engine, makes need its consent whenever the
/// instrument lets it attach that condition to what it gives (<see cref="Catalogue.UseLimit.ConditionSource"/>); none by default.
/// <see cref="MeasureRestrictions"/>: the measures its law allows only for listed or graver offences (Directive 2014/41/EU
/// Art. 11(1)(h)); none by default.
/// </summary>
public sealed record Jurisdiction(
    string Id,
    string Name,
    WorkingCalendar Calendar,
    IReadOnlySet<string> Frameworks,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlySet<string> Reservations,
    IReadOnlySet<string> Criminalises,
    IReadOnlySet<string> PoliticalOffences,
    IReadOnlySet<string> SensitiveTowards,
    Capability Capability,
    ContactPointOffice ContactPoint,
    CentralAuthorityOffice CentralAuthority,
    bool ReachesDataAbroad,
    IReadOnlySet<Common.DataCategory>? DualCriminalityFor = null,
    IReadOnlyList<DisclosureBar>? DisclosureBars = null,
    IReadOnlyDictionary<Catalogue.TrialCondition, Catalogue.Verdict>? Admissibility = null,
    string? RefusesOverBroad = null,
    string? ReimbursesProviders = null,
    IReadOnlySet<Catalogue.UseKind>? AttachesConditions = null,
    IReadOnlyList<MeasureRestriction>? MeasureRestrictions = null)
{
    /// <summary>The restriction of this state's law that a request for <paramref name="categories"/> on <paramref name="offence"/> meets, or null.</summary>
    public MeasureRestriction? RestrictionOn(Offence offence, IEnumerable<Common.DataCategory> categories) =>
        MeasureRestrictions?.FirstOrDefault(m => m.Bars(offence, categories));

    public bool IsParty(string framework) => Frameworks.Contains(framework);

    /// <summary>
    /// Whether this state's law makes mutual assistance for data of <paramref name="category"/> depend on dual
    /// criminality (Budapest Art. 25(4)). Every category unless the scenario says otherwise (<c>dual-criminality-for</c>).
    /// </summary>
    public bool RequiresDualCriminality(Common.DataCategory category) => DualCriminalityFor?.Contains(category) ?? true;

    public bool HasAgreement(string other, string kind) => Agreements.Any(a => a.With == other && a.Kind == kind);

    /// <summary>What this state's law forbids its providers to disclose to foreign authorities (none unless the scenario says: <c>disclosure-bars</c>).</summary>
    public IReadOnlyList<DisclosureBar> Bars => DisclosureBars ?? [];
}
