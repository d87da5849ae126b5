using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans.Storage;
using Simulator.Core.Journal;

namespace Simulator.Grains.Storage;

/// <summary>
/// Orleans grain storage in the embedded SQLite file, beside the exercises: one row per grain and state name, the
/// state as JSON (the journal's style), and an ETag that turns a write from a stale activation into an
/// <see cref="InconsistentStateException"/> instead of a lost update. Behind Orleans' own storage abstraction, so
/// cluster mode can put the ADO.NET provider in its place without touching a grain.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    /// <summary>The storage name the entity grains ask for.</summary>
    public const string Name = "entities";

    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteGrainStorage(string path, bool powerLossSafe = false)
    {
        _synchronous = powerLossSafe ? "FULL" : "NORMAL";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_id TEXT NOT NULL,
                state_name TEXT NOT NULL,
                etag INTEGER NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (grain_id, state_name));
            """;
        create.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {_synchronous}; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_id = $grain AND state_name = $name";
        query.Parameters.AddWithValue("$grain", grainId.ToString());
        query.Parameters.AddWithValue("$name", stateName);
        using var r = query.ExecuteReader();
        if (r.Read())
        {
            grainState.State = JsonSerializer.Deserialize<T>(r.GetString(1), JournalJson.Options)
                ?? throw new InvalidOperationException($"grain state {stateName} of {grainId} is empty");
            grainState.ETag = r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = default!;
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, JournalJson.Options);
        using var connection = Open();
        using var write = connection.CreateCommand();
        long next;
        if (grainState.ETag is null)
        {
            next = 1;
            write.CommandText = "INSERT INTO grain_state (grain_id, state_name, etag, payload) VALUES ($grain, $name, 1, $payload) ON CONFLICT DO NOTHING";
        }
        else
        {
            var expected = long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
            next = expected + 1;
            write.CommandText = "UPDATE grain_state SET etag = $next, payload = $payload WHERE grain_id = $grain AND state_name = $name AND etag = $expected";
            write.Parameters.AddWithValue("$expected", expected);
            write.Parameters.AddWithValue("$next", next);
        }
        write.Parameters.AddWithValue("$grain", grainId.ToString());
        write.Parameters.AddWithValue("$name", stateName);
        write.Parameters.AddWithValue("$payload", payload);
        if (write.ExecuteNonQuery() != 1)
            throw new InconsistentStateException($"grain state {stateName} of {grainId} was written by another activation", "", grainState.ETag ?? "none");
        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM grain_state WHERE grain_id = $grain AND state_name = $name";
        delete.Parameters.AddWithValue("$grain", grainId.ToString());
        delete.Parameters.AddWithValue("$name", stateName);
        delete.ExecuteNonQuery();
        grainState.State = default!;
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
