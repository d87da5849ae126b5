using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.World;

namespace Simulator.Core.Rules;

/// <summary>
/// A request's scope against what its leads' facts support (<see cref="Lead.Identifiers"/>, <see cref="Lead.Period"/>):
/// what exceeds the need (<see cref="Excess"/>: identifiers the facts do not name, records outside the period), what the
/// window leaves out (<see cref="Shortfall"/>), and the records it brings. Records are spread evenly over an item's
/// supported period; records beyond the need are counted as third-party data too, since nothing links them to the
/// suspects (a simulator assumption, docs/safeguards.md). Subscriber information is one record whatever the window (it
/// describes the account, not its use over time), so a window is judged on the other categories only. Necessity and proportionality: REG 2023/1543 Art. 5(2);
/// the limitation of scope and duration among the conditions and safeguards of Budapest Art. 15.
/// </summary>
public sealed record ScopeAssessment(IReadOnlyList<string> Excess, IReadOnlyList<string> Shortfall, IReadOnlyList<ItemRecords> Items)
{
    public bool OverBroad => Excess.Count > 0;
    public int RecordsSought => Items.Sum(i => i.Records);
    public int RecordsBeyondNeed => Items.Sum(i => i.BeyondNeed);
    public int ThirdPartyRecords => Items.Sum(i => i.ThirdParty);

    /// <summary>What the request brings of one item, should it be produced.</summary>
    public ItemRecords For(string evidence) => Items.First(i => i.Evidence == evidence);

    /// <summary>What a request for <paramref name="items"/> with <paramref name="scope"/>, sent at <paramref name="at"/>, asks for; a null scope asks the need.</summary>
    public static ScopeAssessment Of(IReadOnlyList<EvidenceItem> items, Func<string, Lead> leadOf, RequestScope? scope, DateTimeOffset at)
    {
        if (scope is null)
            return new([], [], [.. items.Select(i => new ItemRecords(i.Id, i.RecordCount, 0, i.ThirdPartyRecords))]);
        var leads = items.Select(i => leadOf(i.Lead)).DistinctBy(l => l.Id).ToList();
        var named = leads.SelectMany(l => l.Identifiers ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Where no lead names its identifiers, the facts say nothing to judge the scope's identifiers by.
        var extra = named.Count == 0 ? []
            : (scope.Identifiers ?? []).Select(i => i.Trim()).Where(i => i.Length > 0 && !named.Contains(i)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var excess = new List<string>();
        var shortfall = new List<string>();
        if (extra.Count > 0)
            excess.Add($"identifiers {string.Join(", ", extra)}: the facts name only {string.Join(", ", named.Order(StringComparer.Ordinal))}");

        foreach (var lead in leads)
        {
            var overTime = items.Where(i => i.Lead == lead.Id && SpreadsOverTime(i)).ToList();
            if (overTime.Count == 0 || Need(lead, at) is not { } need) continue;
            var retention = overTime.Max(i => i.Retention);
            var asked = Asked(scope, at, retention);
            var before = need.From - asked.From;
            var after = asked.To - need.To;
            var beyond = new List<string>();
            if (before > TimeSpan.Zero) beyond.Add($"starts {Span(before)} before");
            if (after > TimeSpan.Zero) beyond.Add($"ends {Span(after)} after");
            if (beyond.Count > 0)
                excess.Add($"window: it {string.Join(" and ", beyond)} the period the facts support for {lead.Id} ({need.Describe()})");
            var left = need.Length - asked.Overlap(need);
            if (left > TimeSpan.Zero)
                shortfall.Add($"window: it leaves out {Span(left)} of the period the facts support for {lead.Id} ({need.Describe()}); records there are not asked for");
        }

        var perItem = new List<ItemRecords>();
        foreach (var item in items)
        {
            var others = item.RecordCount * extra.Count;
            var (inside, outside) = (item.RecordCount, 0);
            var third = item.ThirdPartyRecords;
            if (SpreadsOverTime(item) && Need(leadOf(item.Lead), at) is { } need)
            {
                var asked = Asked(scope, at, item.Retention);
                var inShare = Share(asked.Overlap(need), need.Length);
                var outShare = Share(asked.Length - asked.Overlap(need), need.Length);
                (inside, outside) = (Round(item.RecordCount * inShare), Round(item.RecordCount * outShare));
                third = Round(item.ThirdPartyRecords * inShare);
            }
            perItem.Add(new ItemRecords(item.Id, inside + outside + others, outside + others, third + outside + others));
        }
        return new(excess, shortfall, perItem);
    }

    /// <summary>
    /// What the facts support for these items, asked at <paramref name="at"/>: the identifiers their leads name, and the
    /// span of the periods of the leads whose items spread over time (null where none says). A form starts from it.
    /// </summary>
    public static (IReadOnlyList<string> Identifiers, TimeWindow? Period) Supported(IReadOnlyList<EvidenceItem> items, Func<string, Lead> leadOf, DateTimeOffset at)
    {
        var leads = items.Select(i => leadOf(i.Lead)).DistinctBy(l => l.Id).ToList();
        var identifiers = leads.SelectMany(l => l.Identifiers ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var periods = leads.Where(l => items.Any(i => i.Lead == l.Id && SpreadsOverTime(i))).Select(l => Need(l, at)).OfType<TimeWindow>().ToList();
        return (identifiers, periods.Count == 0 ? null : new TimeWindow(periods.Min(p => p.From), periods.Max(p => p.To)));
    }

    /// <summary>The period the facts support for a lead, up to the moment of asking: a production order reaches stored records, not future ones.</summary>
    private static TimeWindow? Need(Lead lead, DateTimeOffset at) =>
        lead.Period is { } p && p.From < at ? new TimeWindow(p.From, p.To < at ? p.To : at) : null;

    /// <summary>"55d", "88d 16h", "7h": days and hours, as a person reads how far a window reaches.</summary>
    private static string Span(TimeSpan d) =>
        d.TotalDays >= 2 ? $"{(int)d.TotalDays}d{(d.Hours > 0 ? $" {d.Hours}h" : "")}" : $"{Math.Max(1, (int)Math.Round(d.TotalHours))}h";

    private static bool SpreadsOverTime(EvidenceItem item) => item.Category != DataCategory.Subscriber;

    private static TimeWindow Asked(RequestScope scope, DateTimeOffset at, TimeSpan retention) =>
        new(scope.From ?? at - retention, scope.To ?? at);

    private static double Share(TimeSpan part, TimeSpan whole) => whole <= TimeSpan.Zero ? 0 : (double)part.Ticks / whole.Ticks;

    private static int Round(double records) => (int)Math.Min(int.MaxValue, Math.Round(records, MidpointRounding.AwayFromZero));
}

/// <summary>The records a request brings of one item: all of them, those beyond what the facts support, those of third parties.</summary>
public sealed record ItemRecords(string Evidence, int Records, int BeyondNeed, int ThirdParty);
