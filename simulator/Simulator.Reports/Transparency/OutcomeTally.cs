namespace Simulator.Reports.Transparency;

/// <summary>Counts per outcome kind, mergeable.</summary>
internal sealed class OutcomeTally
{
    private readonly long[] _counts = new long[RequestOutcomeKind.All.Count];

    public long Total => _counts.Sum();

    public void Add(string kind) => _counts[Index(kind)]++;

    public void Merge(OutcomeTally other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
    }

    public OutcomeCounts Counts() =>
        new(_counts[Index(RequestOutcomeKind.Produced)], _counts[Index(RequestOutcomeKind.Refused)], _counts[Index(RequestOutcomeKind.NothingFound)],
            _counts[Index(RequestOutcomeKind.Withdrawn)], _counts[Index(RequestOutcomeKind.Pending)]);

    private static int Index(string kind)
    {
        var i = ((IList<string>)RequestOutcomeKind.All).IndexOf(kind);
        return i < 0 ? RequestOutcomeKind.All.Count - 1 : i;
    }
}
