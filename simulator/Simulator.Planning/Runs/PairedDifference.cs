namespace Simulator.Planning.Runs;

/// <summary>
/// How a variant differs from the baseline, run against run: both are played with the same seeds, so each pair
/// differs only by the variant's changes, and the spread of the differences gives a tight confidence interval.
/// </summary>
public sealed class PairedDifference
{
    /// <summary>Secured share of the variant minus the baseline's, per run (0.25 = 25 percentage points more).</summary>
    public RunningMoments SecuredShare { get; } = new();
    /// <summary>Items lost per run, variant minus baseline.</summary>
    public RunningMoments Lost { get; } = new();
    /// <summary>Mean hours to preservation per run, variant minus baseline (runs where both preserved something).</summary>
    public RunningMoments HoursToPreservation { get; } = new();
    /// <summary>Mean hours to evidence per run, variant minus baseline (runs where both secured something).</summary>
    public RunningMoments HoursToEvidence { get; } = new();
    /// <summary>Secured-and-admissible share, variant minus baseline, per run: the headline beside the secured share.</summary>
    public RunningMoments SecuredAndAdmissibleShare { get; } = new();
    /// <summary>Third parties' records among what was secured, variant minus baseline, per run.</summary>
    public RunningMoments ThirdPartyRecords { get; } = new();

    public void Add(RunMeasures baseline, RunMeasures variant)
    {
        SecuredShare.Add(variant.SecuredShare - baseline.SecuredShare);
        Lost.Add(variant.Lost - baseline.Lost);
        SecuredAndAdmissibleShare.Add(variant.SecuredAndAdmissibleShare - baseline.SecuredAndAdmissibleShare);
        ThirdPartyRecords.Add(variant.ThirdPartyRecords - baseline.ThirdPartyRecords);
        if (baseline.HoursToPreservation is { } bp && variant.HoursToPreservation is { } vp) HoursToPreservation.Add(vp - bp);
        if (baseline.HoursToEvidence is { } be && variant.HoursToEvidence is { } ve) HoursToEvidence.Add(ve - be);
    }

    public void Merge(PairedDifference other)
    {
        SecuredShare.Merge(other.SecuredShare);
        Lost.Merge(other.Lost);
        SecuredAndAdmissibleShare.Merge(other.SecuredAndAdmissibleShare);
        ThirdPartyRecords.Merge(other.ThirdPartyRecords);
        HoursToPreservation.Merge(other.HoursToPreservation);
        HoursToEvidence.Merge(other.HoursToEvidence);
    }
}
