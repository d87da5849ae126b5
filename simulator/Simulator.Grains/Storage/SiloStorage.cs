using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Simulator.Grains.Access;
using Simulator.Grains.Exercises;

namespace Simulator.Grains.Storage;

public static class SiloStorage
{
    /// <summary>
    /// The embedded default: exercises (<see cref="IExerciseStore"/>) and the entity grains' state (Orleans grain
    /// storage named <see cref="SqliteGrainStorage.Name"/>) in one SQLite file; its codes, keys and tokens hashed under
    /// <paramref name="secrets"/>, whose key is kept apart from the file; who a credential is, from the store
    /// (<see cref="Identities"/>); tokens as <paramref name="access"/> says (the defaults when not given).
    /// </summary>
    public static ISiloBuilder AddSqliteExerciseStorage(this ISiloBuilder silo, string databasePath, SecretHasher secrets, bool powerLossSafe = false, AccessSettings? access = null)
    {
        silo.Services.AddSingleton(secrets);
        silo.Services.AddSingleton(access ?? AccessSettings.Default);
        silo.Services.AddSingleton<Identities>();
        silo.Services.AddSingleton<IExerciseStore>(_ => new SqliteExerciseStore(databasePath, secrets, powerLossSafe));
        silo.Services.AddGrainStorage(SqliteGrainStorage.Name, (_, _) => new SqliteGrainStorage(databasePath, powerLossSafe));
        return silo;
    }
}
