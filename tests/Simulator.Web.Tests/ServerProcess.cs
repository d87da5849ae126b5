using System.Diagnostics;

namespace Simulator.Web.Tests;

/// <summary>The web app as a child process on loopback, for tests that kill it: started as a user would start the built app.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;
    public Uri Address { get; }

    private ServerProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    /// <summary>What the server printed so far (warnings and errors: it runs with the default level at Warning).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the server on <paramref name="port"/> (a free one if null): a restart on the same port lets
    /// browsers and clients reconnect to the address they had.</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, int? port = null)
    {
        var root = Root();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(root, "web", "Simulator.Web", "bin", configuration, "net10.0", "Simulator.Web.dll");
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", address.ToString(), "--Simulator:Data", dataFolder,
                     "--Orleans:SiloPort", FreePort().ToString(), "--Orleans:GatewayPort", FreePort().ToString(),
                     "--Logging:LogLevel:Default", "Warning" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode} while starting");
            try
            {
                if ((await http.GetAsync("/api/scenarios")).IsSuccessStatusCode) return new ServerProcess(process, address, output);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        process.Kill(true);
        throw new TimeoutException("the server did not start within 60 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was not durable is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the test folder");
    }
}
