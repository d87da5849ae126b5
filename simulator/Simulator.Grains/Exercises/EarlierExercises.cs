using Microsoft.Extensions.Logging;
using Simulator.Core.Engine;
using Simulator.Grains.Storage;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Brings an exercise stored by an earlier version up to what this one expects, once, in the store, so that it
/// loads and resumes: the law it was played by pinned for one made before exercises pinned their catalogue and
/// rules. (Its codes were hashed when the store opened; an exercise made before there were evaluators gets the
/// evaluator's code when its trainer issues one, ReissueCode.)
/// </summary>
public static class EarlierExercises
{
    public static async Task<(StoredExercise Record, IReadOnlyList<StoredCode> Codes)> UpgradeAsync(
        IExerciseStore store, StoredExercise record, ILogger log, CancellationToken cancellationToken)
    {
        var codes = await store.CodesAsync(record.Id, cancellationToken);
        if (record.CatalogueText is null)
        {
            // It goes on under the catalogue shipped then (scenarios/catalogue/history) and the rules it was played by
            // (those of before pinning), pinned from here.
            await store.PinAsync(record.Id, CatalogueLoader.TextBeforePinning, RulesVersion.BeforePinning, cancellationToken);
            record = record with { CatalogueText = CatalogueLoader.TextBeforePinning, RulesVersion = RulesVersion.BeforePinning };
            log.LogInformation("Exercise {Exercise} pinned the catalogue shipped before pinning and rules version {Rules}", record.Id, RulesVersion.BeforePinning);
        }
        return (record, codes);
    }
}
