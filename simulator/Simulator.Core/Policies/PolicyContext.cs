using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Rules;
using Simulator.Core.World;

namespace Simulator.Core.Policies;

/// <summary>What a policy may see and do: the world, the state of evidence and requests, and commands.</summary>
public sealed class PolicyContext(Simulation simulation, string jurisdiction)
{
    public string Jurisdiction { get; } = jurisdiction;
    public ScenarioWorld World => simulation.World;
    public InstrumentCatalogue Catalogue => simulation.Catalogue;
    public DateTimeOffset Now => simulation.Now;
    public InstrumentAdvisor Advisor => simulation.Advisor;
    public EvidenceState Evidence(string id) => simulation.Evidence(id);
    public IEnumerable<RequestRecord> Requests => simulation.Requests.Where(r => r.Issuer == Jurisdiction);

    public DecisionResult Decide(Decision decision) => simulation.DecideFromPolicy(decision);

    /// <summary>The incident's offence as the facts now show it: no threat to claim an emergency on once it has ended.</summary>
    public Offence OffenceNow(Incident incident) => simulation.OffenceNow(incident);

    /// <summary>Whether the facts now support asking for these items urgently under the instrument's urgent handling (null: it has none).</summary>
    public ConditionCheck? UrgencyFor(Instrument instrument, IReadOnlyList<string> evidence) => simulation.Rules.UrgencyFor(instrument, evidence);

    /// <summary>The conflict with a third country's law (REG Art. 17) an order of <paramref name="instrument"/> for these items would meet, or null.</summary>
    public ConflictOfLaws? ConflictFor(Instrument instrument, IReadOnlyList<EvidenceItem> items) =>
        items.Count == 0 ? null : ConflictOfLaws.For(instrument, World, World.Provider(items[0].Holder), Jurisdiction, items.Select(i => i.Category));

    /// <summary>Open requests of this state that cover the item, of the given purpose (or any).</summary>
    public IEnumerable<RequestRecord> OpenRequestsFor(string evidence, InstrumentPurpose? purpose = null) =>
        Requests.Where(r => !r.Lifecycle.IsClosed && r.Items.Any(i => i.Id == evidence) && (purpose is null || r.Instrument.Purpose == purpose));

    /// <summary>The uses the facts have brought up for this state's evidence so far.</summary>
    public IEnumerable<WantedUse> UsesWanted => simulation.UsesWanted.Where(u => World.IncidentOf(World.Item(u.Evidence)).Investigating == Jurisdiction);

    /// <summary>Whether this state has already made this use of the item.</summary>
    public bool HasUsed(WantedUse use) => simulation.Uses.Any(u => u.Evidence == use.Evidence && u.Use == use.Kind && u.For == use.For);

    /// <summary>This state's request for consent to this use, if it asked.</summary>
    public ConsentRecord? ConsentFor(WantedUse use) => simulation.Consents.FirstOrDefault(c => c.Evidence == use.Evidence && c.Use == use.Kind && c.For == use.For);

    /// <summary>Whether the use needs the giving state's consent now (null: the item is not secured yet).</summary>
    public bool? NeedsConsent(WantedUse use) =>
        simulation.UseTermsOf(use.Evidence) is { } terms ? Simulation.ConsentNeededFor(terms, use.Kind) is not null : null;

    public string Seat(AuthorityRole role) => Names.Seat(Jurisdiction, role);

    /// <summary>Whether the policy may decide as this office of its state: not when a trainee holds it.</summary>
    public bool Plays(AuthorityRole role) => simulation.PolicyMayActAs(Seat(role));

    /// <summary>Whether the policy may decide as this seat (a request's issuer, for instance).</summary>
    public bool Plays(string seat) => simulation.PolicyMayActAs(seat);
}
