using Simulator.Core.Common;

namespace Simulator.Core.Rules;

/// <summary>What an authority proposes to send, before it is checked: the input of every rule in <see cref="RequestRules"/>.
/// <see cref="Urgent"/>: marked urgent, apart from an emergency (ETS185 Art. 31(3)).</summary>
public sealed record RequestDraft(
    string InstrumentId,
    string Issuer,
    AuthorityRole IssuerRole,
    IReadOnlyList<string> Evidence,
    bool Emergency,
    string? RequestedState = null,
    bool Urgent = false);
