namespace Simulator.Reports.AfterAction;

/// <summary>The few judgement calls the after-action report makes, in one place.</summary>
public static class FindingThresholds
{
    /// <summary>Evidence secured within this time of its lead becoming known counts as a strength.</summary>
    public static readonly TimeSpan QuickEvidence = TimeSpan.FromDays(30);

    /// <summary>
    /// An inject's expected action counts as taken if the request it names was drafted before the inject or within
    /// this time after it. Most expected actions say "at once" or "today".
    /// </summary>
    public static readonly TimeSpan ExpectedActionWindow = TimeSpan.FromHours(24);
}
