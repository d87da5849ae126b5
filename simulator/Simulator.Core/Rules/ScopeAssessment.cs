using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.World;

namespace Simulator.Core.Rules;

/// <summary>
/// A request's scope against what its leads' facts support (<see cref="Lead.Identifiers"/>, <see cref="Lead.Period"/>):
/// what exceeds the need (<see cref="Excess"/>: identifiers the facts do not name, a window before or after the period
/// they support), what the window leaves out (<see cref="Shortfall"/>), and the records it brings.
/// <para>
/// The model (docs/safeguards.md, a simulator assumption): an item's records are spread evenly over its lead's whole
/// period; a request reaches only what the holder keeps when it is asked (its retention back from then, nothing from
/// the future). Records outside the lead's period, and records of identifiers the facts do not name, are beyond the need
/// and counted as third-party data too, since nothing links them to the suspects. Subscriber information is one record
/// whatever the window (it describes the account, not its use over time). The window is judged against the span of the
/// periods of the request's leads (what the console's "fill in what the facts support" gives); identifiers against those
/// the request's leads name. A gap or overshoot under a minute is no gap: the form works in minutes.
/// </para>
/// Necessity and proportionality: REG 2023/1543 Art. 5(2); the limitation of scope and duration among the conditions
/// and safeguards of Budapest Art. 15.
/// </summary>
public sealed record ScopeAssessment(IReadOnlyList<string> Excess, IReadOnlyList<string> Shortfall, IReadOnlyList<ItemRecords> Items)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public bool OverBroad => Excess.Count > 0;
    public int RecordsSought => Total(i => i.Records);
    public int RecordsBeyondNeed => Total(i => i.BeyondNeed);
    public int ThirdPartyRecords => Total(i => i.ThirdParty);

    /// <summary>What the request brings of one item, should it be produced.</summary>
    public ItemRecords For(string evidence) => Items.First(i => i.Evidence == evidence);

    /// <summary>What it brings once a reviewer cuts it to the need: what it asked within the need, and nothing beyond (never more than it asked).</summary>
    public ScopeAssessment Narrowed() =>
        new([], Shortfall, [.. Items.Select(i => i with { Records = i.WithinNeed, BeyondNeed = 0, ThirdParty = i.ThirdPartyWithinNeed })]);

    /// <summary>
    /// What it brings once its holder redacts third parties' records before transfer (minimised production): what it
    /// asked within the need, less the third parties' records; nothing beyond the need, which is third-party data too.
    /// </summary>
    public ScopeAssessment Redacted() =>
        new(Excess, Shortfall, [.. Items.Select(i => new ItemRecords(i.Evidence, i.WithinNeed - i.ThirdPartyWithinNeed, 0, 0, i.WithinNeed - i.ThirdPartyWithinNeed, 0))]);

    /// <summary>What a request for <paramref name="items"/> with <paramref name="scope"/>, asked at <paramref name="at"/>, brings; a null scope asks the need.</summary>
    public static ScopeAssessment Of(IReadOnlyList<EvidenceItem> items, Func<string, Lead> leadOf, RequestScope? scope, DateTimeOffset at)
    {
        var leads = items.Select(i => leadOf(i.Lead)).DistinctBy(l => l.Id).ToList();
        var named = leads.SelectMany(l => l.Identifiers ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Where no lead names its identifiers, the facts say nothing to judge the scope's identifiers by.
        var extra = scope is null || named.Count == 0 ? []
            : (scope.Identifiers ?? []).Select(i => i.Trim()).Where(i => i.Length > 0 && !named.Contains(i)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var excess = new List<string>();
        var shortfall = new List<string>();
        if (extra.Count > 0)
            excess.Add($"identifiers {string.Join(", ", extra)}: the facts name only {string.Join(", ", named.Order(StringComparer.Ordinal))}");

        var (_, span) = Supported(items, leadOf, at);
        if (scope is not null && span is { } need)
        {
            var overTime = items.Where(SpreadsOverTime).ToList();
            var asked = Asked(scope, at, overTime.Max(i => i.Retention));
            var judged = string.Join(", ", leads.Where(l => l.Period is not null && overTime.Any(i => i.Lead == l.Id)).Select(l => l.Id));
            var before = need.From - asked.From;
            var after = asked.To - need.To;
            var beyond = new List<string>();
            if (before > Tolerance) beyond.Add($"starts {Span(before)} before");
            if (after > Tolerance) beyond.Add($"ends {Span(after)} after");
            if (beyond.Count > 0)
                excess.Add($"window: it {string.Join(" and ", beyond)} the period the facts support for {judged} ({need.Describe()})");
            var left = need.Length - asked.Overlap(need);
            if (left > Tolerance)
                shortfall.Add($"window: it leaves out {Span(left)} of the period the facts support for {judged} ({need.Describe()}); records there are not asked for");
        }

        var perItem = new List<ItemRecords>();
        foreach (var item in items)
        {
            var lead = leadOf(item.Lead);
            var others = lead.Identifiers is { Count: > 0 } ? extra.Count : 0;
            double inside = item.RecordCount, outside = 0, thirdInside = item.ThirdPartyRecords, extraRecords = (double)others * item.RecordCount;
            if (SpreadsOverTime(item) && lead.Period is { Length.Ticks: > 0 } period && Need(lead, at) is { } own)
            {
                // The holder keeps its retention back from the moment of asking; the request reaches no more.
                var held = new TimeWindow(at - item.Retention, at);
                var asked = Clip(scope is null ? own : Asked(scope, at, item.Retention), held);
                var perTick = (double)item.RecordCount / period.Length.Ticks;
                var within = asked.Overlap(own).Ticks;
                inside = perTick * within;
                outside = perTick * (asked.Length.Ticks - within);
                thirdInside = (double)item.ThirdPartyRecords / period.Length.Ticks * within;
                extraRecords = others * perTick * asked.Length.Ticks;
            }
            var beyondNeed = outside + extraRecords;
            perItem.Add(new ItemRecords(item.Id, Round(inside + beyondNeed), Round(beyondNeed), Round(thirdInside + beyondNeed), Round(inside), Round(thirdInside)));
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

    private static TimeWindow Asked(RequestScope scope, DateTimeOffset at, TimeSpan retention) =>
        new(scope.From ?? at - retention, scope.To ?? at);

    private static TimeWindow Clip(TimeWindow w, TimeWindow to) =>
        new(w.From > to.From ? w.From : to.From, w.To < to.To ? w.To : to.To);

    /// <summary>"55d", "88d 16h", "7h", "20min": how far a window reaches, as a person reads it.</summary>
    private static string Span(TimeSpan d) =>
        d.TotalDays >= 2 ? $"{(int)d.TotalDays}d{(d.Hours > 0 ? $" {d.Hours}h" : "")}"
        : d.TotalHours >= 1 ? $"{(int)Math.Round(d.TotalHours)}h" : $"{(int)Math.Ceiling(d.TotalMinutes)}min";

    private static bool SpreadsOverTime(EvidenceItem item) => item.Category != DataCategory.Subscriber;

    /// <summary>A count of records, rounded half away from zero, never beyond what an int holds (a window of centuries saturates, it does not wrap).</summary>
    private static int Round(double records) => (int)Math.Clamp(Math.Round(records, MidpointRounding.AwayFromZero), 0, int.MaxValue);

    private int Total(Func<ItemRecords, int> figure) => (int)Math.Min(int.MaxValue, Items.Sum(i => (long)figure(i)));
}

/// <summary>
/// The records a request brings of one item: all of them, those beyond what the facts support, those of third parties;
/// and of what it asked within the need, the records and the third parties' (what is left once a reviewer narrows it).
/// </summary>
public sealed record ItemRecords(string Evidence, int Records, int BeyondNeed, int ThirdParty, int WithinNeed, int ThirdPartyWithinNeed);
