using Simulator.Core.Engine;

namespace Simulator.Reports;

/// <summary>
/// What a single-exercise report is about, and how to check it against its source: the run's seed and policy, the
/// simulated period it covers, and the journal's head hash (the last event's SHA-256, which `simulator verify`
/// recomputes from the journal). <see cref="End"/> is the simulated instant the report was drawn at; it equals
/// <see cref="Horizon"/> only when the exercise ran to its planned end.
/// </summary>
public sealed record ExerciseHeader(
    string Scenario,
    string Title,
    long Seed,
    string Policy,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset Horizon,
    bool Ended,
    int JournalEvents,
    string JournalHead,
    string CatalogueAsOf)
{
    public static ExerciseHeader Of(Simulation simulation) => new(
        simulation.World.ScenarioId,
        simulation.World.Title,
        simulation.Options.Seed,
        simulation.Options.Policy.Name,
        simulation.World.Start,
        simulation.Now,
        simulation.World.End,
        simulation.Ended,
        simulation.Journal.Entries.Count,
        simulation.Journal.LastHash,
        simulation.Catalogue.AsOf);
}
