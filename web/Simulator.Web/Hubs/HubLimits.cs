namespace Simulator.Web.Hubs;

/// <summary>The hub's transport limit: the largest message it reads (1 MB). Each argument has its own, smaller bound, refused by name.</summary>
public static class HubLimits
{
    public const long MessageBytes = 1024 * 1024;
}
