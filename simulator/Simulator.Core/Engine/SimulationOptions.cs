using Simulator.Core.Journal;
using Simulator.Core.Policies;

namespace Simulator.Core.Engine;

/// <summary>
/// How one run is played: its seed, the policy that plays the investigating states no trainee plays, and the
/// seats people hold (the engine waits for their decisions instead of deciding for them).
/// </summary>
public sealed record SimulationOptions(
    long Seed,
    IInvestigationPolicy Policy,
    IReadOnlySet<string>? HumanSeats = null,
    Action<JournalEntry>? OnJournal = null);
