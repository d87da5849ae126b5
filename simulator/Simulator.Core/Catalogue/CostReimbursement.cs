namespace Simulator.Core.Catalogue;

/// <summary>
/// Who bears what a provider charges for answering an order (REG 2023/1543 Art. 14): the issuing state, where its law
/// reimburses providers for domestic orders in like situations (<see cref="World.Jurisdiction.ReimbursesProviders"/>);
/// otherwise the provider itself. An instrument without this rule leaves the cost with the provider as far as the
/// simulator knows: national law, not the instrument, would have to say otherwise.
/// </summary>
public sealed record CostReimbursement(string Source, bool Unsure = false);
