namespace Simulator.Web.Tests;

/// <summary>
/// One server per data folder: a second started on a folder in use says so and exits with 2, before it opens
/// anything (two would activate the same exercises from one database); the lock goes with the process, so after a
/// SIGKILL a server starts on the folder at once. The server's commands still run beside it.
/// </summary>
public sealed class DataFolderLockTests
{
    [Fact]
    public async Task A_second_server_on_a_data_folder_in_use_is_refused_and_after_a_kill_the_folder_is_free_at_once()
    {
        var data = Directory.CreateTempSubdirectory("simulator-lock-").FullName;
        using (var first = await ServerProcess.StartAsync(data))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data));
            Assert.Contains("the server exited with 2", refused.Message);
            Assert.Contains($"another server is using the data folder {data}", refused.Message);
            Assert.DoesNotContain("   at ", refused.Message);
            // Its commands are meant to run beside it.
            var (listed, said) = await ServerProcess.RunAsync("audit", "--Simulator:Data", data);
            Assert.True(listed == 0, said);
            first.Kill();
        }
        using var next = await ServerProcess.StartAsync(data);
        using var http = new HttpClient { BaseAddress = next.Address };
        Assert.True((await http.GetAsync("/api/scenarios")).IsSuccessStatusCode);
    }
}
