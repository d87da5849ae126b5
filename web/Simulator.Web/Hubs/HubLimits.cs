namespace Simulator.Web.Hubs;

/// <summary>
/// The hub's transport limit: the largest message it reads (128 KB), above the largest legitimate call (an added inject
/// with its text and expected action at 4,000 characters each and 100 recipients, about 110 KB escaped at worst). Each
/// argument has its own, smaller bound, refused by name.
/// </summary>
public static class HubLimits
{
    public const long MessageBytes = 128 * 1024;
}
