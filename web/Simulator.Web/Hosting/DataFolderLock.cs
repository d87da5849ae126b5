namespace Simulator.Web.Hosting;

/// <summary>
/// One server per data folder: two would each activate the same exercises from one database and write over each
/// other's decisions. The server holds `server.lock` in the folder open and locked for as long as it runs (the kernel
/// lets go of it when the process ends, even by SIGKILL, so a crashed server never leaves a stale lock). The server's
/// own commands (`add-organiser`, `reissue-key`, `audit`) do not take it: they are meant to run beside the server.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _held;

    private DataFolderLock(FileStream held) => _held = held;

    /// <summary>Takes the folder's lock, or says which folder is taken (an ArgumentException, as for a bad setting).</summary>
    public static DataFolderLock Take(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "server.lock");
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux and macOS, a sharing lock on Windows.
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new ArgumentException($"another server is using the data folder {dataFolder} (it holds {path}): stop it, or give this one another folder (--Simulator:Data)");
        }
    }

    public void Dispose() => _held.Dispose();
}
