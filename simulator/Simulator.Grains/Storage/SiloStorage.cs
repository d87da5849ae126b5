using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;

namespace Simulator.Grains.Storage;

public static class SiloStorage
{
    /// <summary>
    /// The embedded default: exercises (<see cref="IExerciseStore"/>) and the entity grains' state (Orleans grain
    /// storage named <see cref="SqliteGrainStorage.Name"/>) in one SQLite file.
    /// </summary>
    public static ISiloBuilder AddSqliteExerciseStorage(this ISiloBuilder silo, string databasePath, bool powerLossSafe = false)
    {
        silo.Services.AddSingleton<IExerciseStore>(_ => new SqliteExerciseStore(databasePath, powerLossSafe));
        silo.Services.AddGrainStorage(SqliteGrainStorage.Name, (_, _) => new SqliteGrainStorage(databasePath, powerLossSafe));
        return silo;
    }
}
