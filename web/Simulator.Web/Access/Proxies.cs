using System.Net;

namespace Simulator.Web.Access;

/// <summary>
/// The reverse proxies the server believes (Simulator:ForwardedHeaders:KnownProxies: addresses or CIDR networks).
/// Behind one, every request comes from the proxy's address: with it named here, X-Forwarded-For gives the client's
/// address (so the throttle counts each client, not the proxy) and X-Forwarded-Proto the scheme the browser used (so
/// the sign-in cookie is marked Secure behind HTTPS). Headers from anyone else are ignored; none are read when the list is empty.
/// </summary>
public static class Proxies
{
    public static IReadOnlyList<IPNetwork> From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Simulator:ForwardedHeaders:KnownProxies");
        var list = new List<IPNetwork>();
        foreach (var entry in section.GetChildren())
        {
            var text = (entry.Value ?? "").Trim();
            if (IPNetwork.TryParse(text, out var network)) list.Add(network);
            else if (IPAddress.TryParse(text, out var address)) list.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new ArgumentException($"{entry.Path}: an address (10.0.0.5) or a network (10.0.0.0/8), not '{Simulator.Core.Common.Echo.Clip(text)}'");
        }
        return list;
    }

    /// <summary>The forwarded-headers middleware's options for these proxies: the last hop only (the proxy's own), X-Forwarded-For and -Proto.</summary>
    public static ForwardedHeadersOptions Options(IReadOnlyList<IPNetwork> proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // Only the proxies named: the defaults (loopback) would let any local process claim any address.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in proxies) options.KnownIPNetworks.Add(p);
        return options;
    }
}
