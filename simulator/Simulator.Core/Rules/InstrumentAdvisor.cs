using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.World;

namespace Simulator.Core.Rules;

/// <summary>One instrument as it stands for one set of evidence: can it be used, by whom, and what is missing.</summary>
public sealed record InstrumentAdvice(
    Instrument Instrument,
    bool Applicable,
    IReadOnlyList<AuthorityRole> Issuers,
    string? RequestedState,
    IReadOnlyList<ConditionCheck> Conditions,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> RefusalRisks)
{
    /// <summary>Who may issue it only once an authority of their state validates it (REG Art. 4(1)(b)), beside <see cref="Issuers"/>
    /// who issue it themselves; with the validation each would need.</summary>
    public IReadOnlyList<(AuthorityRole Role, ValidationNeed Need)> ValidatedIssuers { get; init; } = [];

    /// <summary>Where the instrument has urgent handling apart from an emergency (ETS185 Art. 31(3)): whether these items
    /// would qualify, so a trainee knows when to mark the request urgent; null otherwise: for an instrument that cannot be
    /// sent, and for an emergency.</summary>
    public ConditionCheck? Urgency { get; init; }
}

/// <summary>
/// For some evidence and an issuing state, every instrument in the catalogue with its conditions met or missing.
/// Policies choose from this; trainees see it in the console.
/// </summary>
public sealed class InstrumentAdvisor(ScenarioWorld world, InstrumentCatalogue catalogue, RequestRules rules)
{
    private static readonly AuthorityRole[] RoleOrder =
        [AuthorityRole.ContactPoint, AuthorityRole.Prosecutor, AuthorityRole.Judge, AuthorityRole.Investigator, AuthorityRole.CentralAuthority];

    public IReadOnlyList<InstrumentAdvice> Advise(string issuer, IReadOnlyList<string> evidence, bool emergency) =>
        catalogue.Instruments.Select(i => Advise(i, issuer, evidence, emergency)).ToList();

    /// <param name="urgent">judge the request as marked urgent without an emergency (ETS185 Art. 31(3)).</param>
    public InstrumentAdvice Advise(Instrument instrument, string issuer, IReadOnlyList<string> evidence, bool emergency, bool detailed = true, bool urgent = false)
    {
        var categories = evidence.Select(e => world.Item(e).Category).Distinct().ToList();
        var roles = RoleOrder.Where(r => categories.All(c => instrument.IssuersFor(c).Contains(r))).ToList();
        var validated = RoleOrder.Where(r => !roles.Contains(r))
            .Select(r => (Role: r, Need: RequestRules.ValidationFor(instrument, r, categories, emergency)))
            .Where(v => v.Need is not null).Select(v => (v.Role, v.Need!)).ToList();
        var role = roles.Count > 0 ? roles[0] : validated.Count > 0 ? validated[0].Role
            : (instrument.Issuers.Values.SelectMany(v => v).Cast<AuthorityRole?>().FirstOrDefault() ?? AuthorityRole.Prosecutor);
        var check = rules.Check(new RequestDraft(instrument.Id, issuer, role, evidence, emergency, Urgent: urgent), detailed);
        return new InstrumentAdvice(instrument, check.CanSend, roles, check.RequestedState, check.Conditions, check.Problems, check.RefusalRisks)
        {
            ValidatedIssuers = validated,
            Urgency = detailed && check.CanSend && !emergency && !urgent ? rules.UrgencyFor(instrument, evidence) : null,
        };
    }
}
