using Simulator.Core.Common;

namespace Simulator.Core.World;

/// <summary>
/// One piece of data at one holder. It is lost at <see cref="ExpiresAt"/> unless preserved or copied before then.
/// </summary>
public sealed record EvidenceItem(
    string Id,
    string Lead,
    string Holder,
    string StoredIn,
    DataCategory Category,
    string Description,
    DateTimeOffset CreatedAt,
    TimeSpan Retention,
    bool Public,
    bool ConsentAvailable,
    IReadOnlyList<string> Reveals,
    SyntheticContent Content)
{
    public DateTimeOffset ExpiresAt => CreatedAt + Retention;
}
