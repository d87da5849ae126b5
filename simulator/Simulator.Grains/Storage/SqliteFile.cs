using System.Collections.Concurrent;
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
    /// <summary>One writers' gate per database file in this process, shared by the exercise store and the grain storage.</summary>
    private static readonly ConcurrentDictionary<string, object> Gates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly object _gate;

    public SqliteFile(string path, bool powerLossSafe)
    {
        _synchronous = powerLossSafe ? "FULL" : "NORMAL";
        _gate = Gates.GetOrAdd(Path.GetFullPath(path), _ => new object());
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

    /// <summary>
    /// Runs a write on a connection of its own, one write of this process at a time. SQLite lets one writer in at a
    /// time and makes the others wait by sleeping and trying again (1, 2, 5, 10, 15 ms and on), so a decision arriving
    /// while an entity's state of a few hundred kilobytes was being written woke up to 20 ms after the write had
    /// ended; behind the gate it goes in as soon as the write before it is done. Other processes (a tool reading the
    /// data folder) still meet SQLite's own wait, <c>busy_timeout</c>.
    /// </summary>
    public T Write<T>(Func<SqliteConnection, T> write)
    {
        using var connection = Open();
        lock (_gate) return write(connection);
    }

    public void Write(Action<SqliteConnection> write) => Write(connection => { write(connection); return true; });

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
