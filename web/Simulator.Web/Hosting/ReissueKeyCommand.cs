using Simulator.Grains.Access;
using Simulator.Grains.Storage;
using Simulator.Web.Access;

namespace Simulator.Web.Hosting;

/// <summary>
/// `Simulator.Web reissue-key EXERCISE-ID` (the server's command line, with the same --Simulator:Data and key settings
/// as the server): a new trainer key for an exercise whose trainer lost theirs, printed once. The old key stops
/// opening the exercise; the server may be running (the key works there at once). Only whoever can run the server's
/// command line with its data folder and secret key can do it.
/// </summary>
public static class ReissueKeyCommand
{
    public const string Verb = "reissue-key";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine($"usage: Simulator.Web {Verb} EXERCISE-ID [--Simulator:Data FOLDER] [--Simulator:SecretKeyFile FILE]");
            return 2;
        }
        var exerciseId = args[0];
        if (ServerCommands.Open(ServerCommands.Configuration(args[1..])) is not var (store, hasher, dataFolder)) return 1;
        {
            if (await store.GetAsync(exerciseId) is null)
            {
                Console.Error.WriteLine($"simulator: no exercise '{Simulator.Core.Common.Echo.Clip(exerciseId)}' in {dataFolder}");
                return 1;
            }
            var key = Credentials.New(Credentials.TrainerKeyLength);
            await store.ReplaceCodeAsync(new StoredCode(hasher.Hash(key), exerciseId, Credentials.TrainerSeat));
            // Whoever holds the old key may have joined with it: every trainer's console ends (within half a minute on a running server).
            var now = DateTimeOffset.UtcNow;
            var trainers = (await store.TokensAsync(exerciseId)).Where(t => t.Seat == Credentials.TrainerSeat && t.OpensAt(now)).Select(t => t.Id).ToList();
            var ended = trainers.Count == 0 ? 0 : await store.RevokeTokensAsync(exerciseId, trainers, now);
            Console.WriteLine($"new trainer key for {exerciseId}: {key}");
            Console.WriteLine($"The old key no longer opens the exercise, and the {ended} trainer console(s) that joined with a key are ended: join again with the new one.");
            await store.AuditAsync(new AuditEntry(now, "trainer-key-reissued", ExerciseId: exerciseId, Detail: $"from the command line; {ended} trainer console(s) ended"));
            return 0;
        }
    }
}
