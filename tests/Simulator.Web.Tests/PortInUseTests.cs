using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Web.Tests;

/// <summary>A second server on the same machine, or a port another program holds: the server names the ports and
/// exits with 2, rather than aborting with a stack trace.</summary>
public sealed class PortInUseTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("silo")]
    public async Task A_port_in_use_is_named_and_the_server_exits_with_2(string which)
    {
        using var holder = new TcpListener(IPAddress.Loopback, ServerProcess.FreePort());
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        var web = which == "web" ? held : ServerProcess.FreePort();
        var silo = which == "silo" ? held : ServerProcess.FreePort();
        var data = Directory.CreateTempSubdirectory("simulator-port-").FullName;

        using var process = Process.Start(ServerProcess.Command(data, new Uri($"http://127.0.0.1:{web}"), silo, ServerProcess.FreePort()))!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var last = (await error).Trim();
        Assert.StartsWith("simulator: cannot start: a port is already in use", last);
        Assert.Contains(held.ToString(), last);
        Assert.DoesNotContain("Unhandled exception", last);
    }
}
