using Simulator.Core.Common;

namespace Simulator.Core.Rules;

/// <summary>What an authority proposes to send, before it is checked: the input of every rule in <see cref="RequestRules"/>.</summary>
public sealed record RequestDraft(
    string InstrumentId,
    string Issuer,
    AuthorityRole IssuerRole,
    IReadOnlyList<string> Evidence,
    bool Emergency,
    string? RequestedState = null);
