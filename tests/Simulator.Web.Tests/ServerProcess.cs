using System.Diagnostics;

namespace Simulator.Web.Tests;

/// <summary>The web app as a child process on loopback, for tests that kill it: started as a user would start the built app.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;
    public Uri Address { get; }

    /// <summary>The server's process id (the soak benchmark reads its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    private ServerProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    /// <summary>What the server printed so far (warnings and errors: it runs with the default level at Warning).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the server on <paramref name="port"/> (a free one if null): a restart on the same port lets
    /// browsers and clients reconnect to the address they had. A port taken between choosing it and the server binding
    /// it (the server then says so and exits with 2) is retried: on fresh Orleans ports, and a fresh web port unless
    /// <paramref name="port"/> fixes it.</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, int? port = null, params string[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataFolder, port, settings);
            }
            catch (PortInUseException) when (attempt < 3) { }
        }
    }

    private sealed class PortInUseException(string message) : InvalidOperationException(message);

    private static async Task<ServerProcess> StartOnceAsync(string dataFolder, int? port, string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = Command(dataFolder, address, FreePort(), FreePort());
        foreach (var s in settings) start.ArgumentList.Add(s);
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // lets the output readers drain, so the message carries what the server printed
                var message = $"the server exited with {process.ExitCode} while starting:\n{string.Join('\n', output)}";
                var portInUse = process.ExitCode == 2 && output.Any(l => l.Contains("port is already in use"));
                process.Dispose();
                if (portInUse) throw new PortInUseException(message);
                throw new InvalidOperationException(message);
            }
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

    /// <summary>The built server as a user starts it, on the given address and Orleans ports.</summary>
    internal static ProcessStartInfo Command(string dataFolder, Uri address, int siloPort, int gatewayPort)
    {
        var dll = Dll();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", address.ToString(), "--Simulator:Data", dataFolder,
                     "--Orleans:SiloPort", siloPort.ToString(), "--Orleans:GatewayPort", gatewayPort.ToString(),
                     "--Logging:LogLevel:Default", "Warning" })
            start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>Runs the built server's command line to its end (a command such as reissue-key): its exit code and what it printed.</summary>
    internal static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="input"/> on its standard input (a password).</summary>
    internal static async Task<(int ExitCode, string Output)> RunWithInputAsync(string? input, params string[] args)
    {
        var start = Command(Path.GetTempPath(), new Uri("http://127.0.0.1:1"), 1, 1);
        start.ArgumentList.Clear();
        start.ArgumentList.Add(Dll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
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

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port free now, below Linux's ephemeral range (32768 and up): the kernel gives ephemeral ports to
    /// every outgoing connection the tests open, so a port taken from that range can be taken again by a client
    /// before the server binds it. Never the same port twice in one test process.</summary>
    public static int FreePort()
    {
        lock (HandedOut)
            for (var i = 0; ; i++)
            {
                var candidate = Random.Shared.Next(10_000, 32_768);
                if (HandedOut.Contains(candidate)) continue;
                try
                {
                    using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, candidate);
                    l.Start();
                }
                catch (System.Net.Sockets.SocketException) when (i < 1000) { continue; }
                HandedOut.Add(candidate);
                return candidate;
            }
    }

    private static string Dll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(Root(), "web", "Simulator.Web", "bin", configuration, "net10.0", "Simulator.Web.dll");
    }

    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the test folder");
    }
}
