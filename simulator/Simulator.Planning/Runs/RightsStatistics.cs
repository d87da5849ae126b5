using Simulator.Core.Engine;

namespace Simulator.Planning.Runs;

/// <summary>One rights figure per run across the runs: its mean and the 95% confidence interval of the mean.</summary>
public sealed record RightsFigure(double Mean, double Low, double High);

/// <summary>
/// The rights side of a policy's runs, figure by figure, never folded into one score (docs/safeguards.md): requests
/// that asked beyond what their facts support, those a requested state narrowed, of the records secured those beyond
/// the need and those of third parties, the items the trial left under challenge or excluded, and the emergency claims
/// that did not hold and the requests that lapsed with their emergency (docs/safeguards.md, oversight), and the uses of
/// evidence beyond its purpose without the consent they needed (purpose limitation), and the orders whose addressee
/// let the deadline pass and the penalties imposed for it (provider duties). Each per run,
/// mergeable across workers.
/// </summary>
public sealed class RightsStatistics
{
    private readonly RunningMoments _overBroad = new(), _narrowed = new(), _beyondNeed = new(), _thirdParty = new(), _challenged = new(), _excluded = new(), _notHeld = new(), _lapsed = new(), _violations = new(), _inDefault = new(), _penalties = new();

    public RightsFigure OverBroadRequests => Figure(_overBroad);
    public RightsFigure NarrowedRequests => Figure(_narrowed);
    public RightsFigure RecordsBeyondNeed => Figure(_beyondNeed);
    public RightsFigure ThirdPartyRecords => Figure(_thirdParty);
    /// <summary>Secured items the trial left open to a challenge, and those it excluded.</summary>
    public RightsFigure AdmissibleUnderChallenge => Figure(_challenged);
    public RightsFigure Excluded => Figure(_excluded);
    /// <summary>Emergency claims found, once their threat ended, not to have held; requests that lapsed with their emergency.</summary>
    public RightsFigure EmergencyClaimsNotHeld => Figure(_notHeld);
    public RightsFigure LapsedWithEmergency => Figure(_lapsed);
    /// <summary>Uses of evidence beyond its purpose without the consent the giving state's terms require (docs/safeguards.md, purpose limitation).</summary>
    public RightsFigure PurposeViolations => Figure(_violations);
    /// <summary>Orders whose addressee let the deadline pass, and penalties imposed on addressees that still did not comply (REG Arts. 15-16).</summary>
    public RightsFigure OrdersInDefault => Figure(_inDefault);
    public RightsFigure Penalties => Figure(_penalties);

    public void Add(RightsSummary? rights)
    {
        var r = rights ?? new RightsSummary(0, 0, 0, 0, 0);
        _overBroad.Add(r.OverBroadRequests);
        _narrowed.Add(r.NarrowedRequests);
        _beyondNeed.Add(r.RecordsBeyondNeed);
        _thirdParty.Add(r.ThirdPartyRecords);
        _challenged.Add(r.AdmissibleUnderChallenge);
        _excluded.Add(r.Excluded);
        _notHeld.Add(r.EmergencyClaimsNotHeld);
        _lapsed.Add(r.LapsedWithEmergency);
        _violations.Add(r.PurposeViolations);
        _inDefault.Add(r.OrdersInDefault);
        _penalties.Add(r.Penalties);
    }

    public void Merge(RightsStatistics other)
    {
        _overBroad.Merge(other._overBroad);
        _narrowed.Merge(other._narrowed);
        _beyondNeed.Merge(other._beyondNeed);
        _thirdParty.Merge(other._thirdParty);
        _challenged.Merge(other._challenged);
        _excluded.Merge(other._excluded);
        _notHeld.Merge(other._notHeld);
        _lapsed.Merge(other._lapsed);
        _violations.Merge(other._violations);
        _inDefault.Merge(other._inDefault);
        _penalties.Merge(other._penalties);
    }

    private static RightsFigure Figure(RunningMoments m)
    {
        var (low, high) = m.Interval95();
        // A count per run is never negative, whatever the normal approximation says of a skewed spread.
        return new RightsFigure(m.Mean, Math.Max(0, low), Math.Max(0, high));
    }
}
