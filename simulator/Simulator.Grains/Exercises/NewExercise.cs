using System.Globalization;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Exercises;

/// <summary>
/// A new exercise as it is first stored: its record, pinned to the shipped catalogue and the current rules, and a
/// fresh code for each seat asked for, the trainer, the observers and the evaluator, stored only as their keyed
/// hashes and shown once, in <see cref="Created"/>. Checked whole before anything is stored, so a bad request leaves
/// nothing behind.
/// </summary>
public sealed record NewExercise(StoredExercise Record, IReadOnlyList<StoredCode> Codes, ExerciseCreated Created)
{
    public static NewExercise Make(string id, CreateExercise request, string scenarioText, SecretHasher hasher)
    {
        if (request.Speed is < 1 or > ExerciseGrain.MaxSpeed) throw new ExerciseException($"speed must be between 1 and {ExerciseGrain.MaxSpeed} simulated seconds per real second");
        if (PolicyCatalogue.Unknown(request.Policy) is { } unknownPolicy) throw new ExerciseException(unknownPolicy);
        var scenario = ScenarioLoader.Parse(scenarioText, request.Scenario + ".yaml");
        var offered = scenario.File.Jurisdictions.SelectMany(j => j.Seats.Select(r => $"{j.Id}/{r}")).ToList();
        // A seat asked for twice is one seat with one code; the seats can only be those the scenario offers, so they are bounded too.
        var seats = request.Seats.Count == 0 ? offered : request.Seats.Distinct(StringComparer.Ordinal).ToList();
        var unknown = seats.Where(s => !offered.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new ExerciseException($"seats: the scenario offers no seat {string.Join(", ", unknown.Take(5).Select(s => Simulator.Core.Common.Echo.Clip(s)))}{(unknown.Count > 5 ? $" (and {unknown.Count - 5} more)" : "")}; it offers: {string.Join(", ", offered)}");

        var start = DateTimeOffset.Parse(scenario.File.Start, CultureInfo.InvariantCulture).ToUniversalTime();
        var record = new StoredExercise(id, request.Scenario, scenarioText, request.Seed, request.Policy, start, false, request.Speed,
            CatalogueLoader.ShippedText, RulesVersion.Current, Organiser: request.Organiser);
        var seatCodes = seats.Select(s => new SeatCode(s, Credentials.New())).ToList();
        var created = new ExerciseCreated(id, Credentials.New(Credentials.TrainerKeyLength), Credentials.New(), seatCodes, Credentials.New());
        var codes = seatCodes.Select(c => new StoredCode(hasher.Hash(c.Code), id, c.Seat)).ToList();
        codes.Add(new StoredCode(hasher.Hash(created.TrainerKey), id, Credentials.TrainerSeat));
        codes.Add(new StoredCode(hasher.Hash(created.ObserverCode), id, Credentials.ObserverSeat));
        codes.Add(new StoredCode(hasher.Hash(created.EvaluatorCode!), id, Credentials.EvaluatorSeat));
        return new NewExercise(record, codes, created);
    }
}
