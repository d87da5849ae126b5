using Simulator.Core.Common;

namespace Simulator.Core.World;

/// <summary>
/// One piece of data at one holder. It is lost at <see cref="ExpiresAt"/> unless preserved or copied before then.
/// <see cref="RecordCount"/>: how many records it holds for the period its lead's facts support, and
/// <see cref="ThirdPartyRecords"/> how many of them concern persons other than the suspects (a shared exit node's
/// other users, a NAT line's other customers), both counted from its definition, not from generated records.
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
    SyntheticContent Content,
    int RecordCount = 0,
    int ThirdPartyRecords = 0)
{
    public DateTimeOffset ExpiresAt => CreatedAt + Retention;
}
