namespace Simulator.Core.Catalogue;

/// <summary>
/// A list of offences that a legal text names, as the conducts scenarios write (e.g. the offences established under
/// Budapest Arts. 2-11, or the categories of REG 2023/1543 Annex IV). Exceptions to rules refer to a list by its id,
/// so the list is written once, with its source, and every rule that cites it reads the same conducts.
/// </summary>
/// <see cref="Unsure"/> marks a list not confirmed from the primary text (it is shown as [UNSURE]).
public sealed record OffenceList(string Id, string Name, IReadOnlyList<string> Conducts, string Source, bool Unsure = false);
