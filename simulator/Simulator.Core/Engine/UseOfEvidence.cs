using Simulator.Core.Catalogue;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// The purpose and conditions a secured item was given under (purpose limitation and speciality, docs/safeguards.md):
/// obtained for <see cref="Purpose"/> (the incident its request stated), from <see cref="Giver"/> (the state that gave
/// it, null where no state did: an order at home, a provider's voluntary answer, public data), through
/// <see cref="Request"/> with <see cref="Instrument"/>, whose limits say which other uses need that state's consent,
/// and under the <see cref="Conditions"/> that state attached to this request when it approved it.
/// </summary>
public sealed record UseTerms(string Evidence, string Purpose, string? Giver, string Request, Instrument Instrument, IReadOnlyList<CaseCondition>? Conditions = null)
{
    /// <summary>
    /// The limit on <paramref name="use"/> where a state gave the item: the condition it attached for that use, else the
    /// instrument's limit; null: no consent needed.
    /// </summary>
    public UseLimit? LimitFor(UseKind use) => Giver is null ? null
        : Conditions?.FirstOrDefault(c => c.Use == use)?.AsLimit() ?? Instrument.UseLimitFor(use);

    /// <summary>The terms in words, for the seat's evidence view.</summary>
    public string Describe()
    {
        var from = Giver is null ? $"obtained through {Request} ({Instrument.Id}) for {Purpose}" : $"given by {Giver} through {Request} ({Instrument.Id}) for {Purpose}";
        var uses = Instrument.UseLimits.Select(l => l.Use).Concat(Conditions?.Select(c => c.Use) ?? []).Distinct().ToList();
        var limits = Giver is null || uses.Count == 0
            ? "no state's consent governs its other uses (national law does)"
            // Once the state has given the item, the conditions it might have attached are settled: only those it did count.
            : string.Join("; ", uses.Select(u => $"{Common.Names.Kebab(u)} {(LimitFor(u)! with { ConditionSource = null }).Describe()}"));
        return $"{from}: {limits}";
    }
}

/// <summary>A request for the giving state's consent to another use of an item, with its machine (<see cref="ConsentLifecycle"/>).</summary>
public sealed class ConsentRecord
{
    public required string Id { get; init; }
    public required string Evidence { get; init; }
    public required UseKind Use { get; init; }
    /// <summary>The incident (another investigation) or the state (an onward transfer) the use is for.</summary>
    public required string For { get; init; }
    public required string AskedBy { get; init; }
    public required string Giver { get; init; }
    /// <summary>The giving state's office that answers: its central authority.</summary>
    public required string AnswererSeat { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset AskedAt { get; init; }
    public ConsentLifecycle Lifecycle { get; } = new();
    /// <summary>Bumped each time the engine is set to answer, so an answer scheduled before a hand-over back and forth does nothing.</summary>
    public int EngineAnswerVersion { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? Reason { get; set; }
    public ConsentState State => Lifecycle.State;
}

/// <summary>
/// A use made of a secured item beyond its purpose: in another investigation or passed on to another state. Lawful
/// where no consent was needed or the giving state granted it (<see cref="Consent"/>); otherwise a violation of the
/// limit <see cref="Source"/> states.
/// </summary>
public sealed record UseRecord(string Evidence, UseKind Use, string For, string By, DateTimeOffset At, bool NeededConsent, string? Consent, bool Violation, string Source);
