using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Grains.Contracts;

/// <summary>
/// The core's decisions and their results, a request's particulars and a run's outcome cross grain calls as themselves: the core keeps their one definition and
/// has no Orleans reference, so Orleans serializes them as JSON in the journal's style, the same shape the store and
/// the exercise record use. Every silo and every client of the cluster registers it.
/// </summary>
public static class CoreTypeSerialization
{
    public static IServiceCollection AddCoreTypeSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, JournalJson.Options));

    public static bool IsCoreType(Type type) =>
        type.Assembly == typeof(Decision).Assembly
        && (typeof(Decision).IsAssignableFrom(type) || type == typeof(DecisionResult) || type == typeof(RequestParticulars) || type == typeof(SimulationOutcome));
}
