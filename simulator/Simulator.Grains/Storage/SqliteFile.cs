using Microsoft.Data.Sqlite;

namespace Simulator.Grains.Storage;

/// <summary>
/// The embedded database file as both stores open it: created with its folder, in write-ahead-log mode, and every
/// connection with the same durability. A write that returned is in the log file, so it survives a killed process
/// (SIGKILL): that is the default, <c>synchronous = NORMAL</c>. Power-loss safe, every commit is also flushed to
/// the disk (<c>synchronous = FULL</c>), at the price of a disk flush per write.
/// </summary>
internal sealed class SqliteFile
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteFile(string path, bool powerLossSafe)
    {
        _synchronous = powerLossSafe ? "FULL" : "NORMAL";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
