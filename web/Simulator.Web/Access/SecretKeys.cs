using Simulator.Grains.Access;

namespace Simulator.Web.Access;

/// <summary>
/// Where the server's secret key comes from (docs/security.md): Simulator:SecretKey (base64, from the environment or
/// a secret store), else the file Simulator:SecretKeyFile, else secret.key in the data folder, made on first start.
/// The key is what the stored codes are hashed under: a copy of the database without it opens nothing.
/// </summary>
public static class SecretKeys
{
    public static SecretHasher Load(IConfiguration configuration, string dataFolder)
    {
        if (configuration["Simulator:SecretKey"] is { Length: > 0 } text) return SecretHasher.FromText(text, "Simulator:SecretKey");
        var file = configuration["Simulator:SecretKeyFile"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(dataFolder, "secret.key");
        // A new key is made only for a data folder that has none yet: one whose codes were hashed under a key that is
        // now missing (a forgotten setting, a folder copied without it) would open with nobody able to join.
        if (!File.Exists(file) && Simulator.Grains.Storage.SqliteExerciseStore.StoredKeyCheck(Hosting.ServerPaths.Database(dataFolder)) is { } check)
            throw new SecretKeyException($"no secret key at {file}, and the data folder's codes were hashed under one (check {check}): " +
                "restore that file, or give the key with Simulator:SecretKeyFile or Simulator:SecretKey");
        return SecretHasher.FromFile(file);
    }

    /// <summary>Where the server's other keys (the organisers' sign-in cookies) are kept: beside the secret key file when one is given, else in the data folder.</summary>
    public static string KeysFolder(IConfiguration configuration, string dataFolder) =>
        configuration["Simulator:SecretKeyFile"] is { Length: > 0 } file ? Path.GetDirectoryName(Path.GetFullPath(file))! : dataFolder;

    /// <summary>How long tokens open an exercise and how many trainees share a seat by default (Simulator:Access).</summary>
    public static AccessSettings Access(IConfiguration configuration)
    {
        double hours;
        int perSeat;
        try { hours = configuration.GetValue("Simulator:Access:TokenHours", AccessSettings.Default.TokenLifetime.TotalHours); }
        catch (InvalidOperationException) { throw new ArgumentException($"Simulator:Access:TokenHours: a number of hours, not '{Simulator.Core.Common.Echo.Clip(configuration["Simulator:Access:TokenHours"] ?? "")}'"); }
        try { perSeat = configuration.GetValue("Simulator:Access:TraineesPerSeat", AccessSettings.Default.TraineesPerSeat); }
        catch (InvalidOperationException) { throw new ArgumentException($"Simulator:Access:TraineesPerSeat: a whole number, not '{Simulator.Core.Common.Echo.Clip(configuration["Simulator:Access:TraineesPerSeat"] ?? "")}'"); }
        return AccessSettings.Of(hours, perSeat);
    }
}
