using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans.Storage;
using Simulator.Core.Journal;

namespace Simulator.Grains.Storage;

/// <summary>
/// Orleans grain storage in the embedded SQLite file, beside the exercises: one row per grain and state name, the
/// state as JSON (the journal's style), and an ETag that turns a write from a stale activation into an
/// <see cref="InconsistentStateException"/> instead of a lost update. Clearing keeps the row, without a state and
/// with its ETag moved on, so that a stale activation cannot write over a state written after the clear. Behind Orleans' own storage abstraction, so
/// cluster mode can put the ADO.NET provider in its place without touching a grain.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    /// <summary>The storage name the entity grains ask for.</summary>
    public const string Name = "entities";

    private readonly SqliteFile _file;

    public SqliteGrainStorage(string path, bool powerLossSafe = false)
    {
        _file = new SqliteFile(path, powerLossSafe);
        using var connection = Open();
        SqliteFile.Execute(connection, """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_id TEXT NOT NULL,
                state_name TEXT NOT NULL,
                etag INTEGER NOT NULL,
                payload TEXT,
                PRIMARY KEY (grain_id, state_name));
            """);
    }

    private SqliteConnection Open() => _file.Open();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_id = $grain AND state_name = $name";
        query.Parameters.AddWithValue("$grain", grainId.ToString());
        query.Parameters.AddWithValue("$name", stateName);
        using var r = query.ExecuteReader();
        var found = r.Read();
        grainState.ETag = found ? Etag(r.GetInt64(0)) : null;
        grainState.RecordExists = found && !r.IsDBNull(1);
        grainState.State = grainState.RecordExists
            ? JsonSerializer.Deserialize<T>(r.GetString(1), JournalJson.Options) ?? throw new InvalidOperationException($"grain state {stateName} of {grainId} is empty")
            : default!;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, JournalJson.Options);
        // Serialized before taking the writers' gate: the gate is held only for the write itself.
        var next = _file.Write(connection =>
        {
            long written;
            using var write = connection.CreateCommand();
            if (grainState.ETag is null)
            {
                written = 1;
                write.CommandText = "INSERT INTO grain_state (grain_id, state_name, etag, payload) VALUES ($grain, $name, 1, $payload) ON CONFLICT DO NOTHING";
            }
            else
            {
                var expected = long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
                written = expected + 1;
                write.CommandText = "UPDATE grain_state SET etag = $next, payload = $payload WHERE grain_id = $grain AND state_name = $name AND etag = $expected";
                write.Parameters.AddWithValue("$expected", expected);
                write.Parameters.AddWithValue("$next", written);
            }
            write.Parameters.AddWithValue("$grain", grainId.ToString());
            write.Parameters.AddWithValue("$name", stateName);
            write.Parameters.AddWithValue("$payload", payload);
            if (write.ExecuteNonQuery() != 1) throw Stale(connection, stateName, grainId, grainState.ETag);
            return written;
        });
        grainState.ETag = Etag(next);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var result = _file.Write(connection =>
        {
            using var clear = connection.CreateCommand();
            if (grainState.ETag is null)
                clear.CommandText = "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM grain_state WHERE grain_id = $grain AND state_name = $name)";
            else
            {
                clear.CommandText = "UPDATE grain_state SET etag = etag + 1, payload = NULL WHERE grain_id = $grain AND state_name = $name AND etag = $expected RETURNING etag";
                clear.Parameters.AddWithValue("$expected", long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture));
            }
            clear.Parameters.AddWithValue("$grain", grainId.ToString());
            clear.Parameters.AddWithValue("$name", stateName);
            var etag = clear.ExecuteScalar();
            if (etag is null) throw Stale(connection, stateName, grainId, grainState.ETag);
            return etag;
        });
        if (grainState.ETag is not null) grainState.ETag = Etag((long)result);
        grainState.State = default!;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Etag(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The refusal of a write or clear made from a copy older than what is stored.</summary>
    private static InconsistentStateException Stale(SqliteConnection connection, string stateName, GrainId grainId, string? expected)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT etag FROM grain_state WHERE grain_id = $grain AND state_name = $name";
        query.Parameters.AddWithValue("$grain", grainId.ToString());
        query.Parameters.AddWithValue("$name", stateName);
        var stored = query.ExecuteScalar() is long etag ? Etag(etag) : "none";
        return new InconsistentStateException($"grain state {stateName} of {grainId} was changed by another activation", stored, expected ?? "none");
    }
}
