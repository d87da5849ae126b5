using System.Globalization;
using Microsoft.Data.Sqlite;
using Simulator.Core.Decisions;

namespace Simulator.Grains.Storage;

/// <summary>
/// The embedded default store: one SQLite file in write-ahead-log mode (<see cref="SqliteFile"/>). A write that
/// returned is in the log file, so it survives a killed process (SIGKILL); with <c>powerLossSafe</c> every commit
/// is also flushed to the disk, which survives a power cut at the price of a disk flush per decision. Plain SQL,
/// kept portable for PostgreSQL.
/// </summary>
public sealed class SqliteExerciseStore : IExerciseStore
{
    private readonly SqliteFile _file;

    public SqliteExerciseStore(string path, bool powerLossSafe = false)
    {
        _file = new SqliteFile(path, powerLossSafe);
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS exercises (
                id TEXT PRIMARY KEY,
                scenario TEXT NOT NULL,
                scenario_text TEXT NOT NULL,
                seed INTEGER NOT NULL,
                policy TEXT NOT NULL,
                trainer_key TEXT NOT NULL,
                observer_code TEXT NOT NULL,
                simulated_now TEXT NOT NULL,
                running INTEGER NOT NULL,
                speed REAL NOT NULL,
                activations INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS codes (
                code TEXT PRIMARY KEY,
                exercise_id TEXT NOT NULL REFERENCES exercises(id),
                seat TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS commands (
                exercise_id TEXT NOT NULL REFERENCES exercises(id),
                seq INTEGER NOT NULL,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (exercise_id, seq));
            """);
        // Files written by earlier versions gain the columns added since: the activation count; the pinned catalogue
        // and rules; each decision's id and the journal mark it left. Their old rows keep NULL there.
        AddColumn(connection, "exercises", "activations", "INTEGER NOT NULL DEFAULT 0");
        AddColumn(connection, "exercises", "catalogue_text", "TEXT");
        AddColumn(connection, "exercises", "rules_version", "TEXT");
        AddColumn(connection, "commands", "decision_id", "TEXT");
        AddColumn(connection, "commands", "journal_events", "INTEGER");
        AddColumn(connection, "commands", "journal_head", "TEXT");
        // A decision taken twice (a retried call) is refused by its id; rows stored before ids were kept have none.
        Execute(connection, "CREATE UNIQUE INDEX IF NOT EXISTS commands_decision_id ON commands (exercise_id, decision_id)");
    }

    private static void AddColumn(SqliteConnection connection, string table, string column, string type)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)columns.ExecuteScalar()! == 0) Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
    }

    private SqliteConnection Open() => _file.Open();

    private static void Execute(SqliteConnection connection, string sql) => SqliteFile.Execute(connection, sql);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public Task CreateAsync(StoredExercise e, IReadOnlyList<StoredCode> codes, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var tx = connection.BeginTransaction();
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = """
                    INSERT INTO exercises (id, scenario, scenario_text, seed, policy, trainer_key, observer_code, simulated_now, running, speed, catalogue_text, rules_version)
                    VALUES ($id, $scenario, $text, $seed, $policy, $trainer, $observer, $now, $running, $speed, $catalogue, $rules)
                    """;
                insert.Parameters.AddWithValue("$id", e.Id);
                insert.Parameters.AddWithValue("$scenario", e.Scenario);
                insert.Parameters.AddWithValue("$text", e.ScenarioText);
                insert.Parameters.AddWithValue("$seed", e.Seed);
                insert.Parameters.AddWithValue("$policy", e.Policy);
                insert.Parameters.AddWithValue("$trainer", e.TrainerKey);
                insert.Parameters.AddWithValue("$observer", e.ObserverCode);
                insert.Parameters.AddWithValue("$now", Time(e.SimulatedNow));
                insert.Parameters.AddWithValue("$running", e.Running ? 1 : 0);
                insert.Parameters.AddWithValue("$speed", e.Speed);
                insert.Parameters.AddWithValue("$catalogue", (object?)e.CatalogueText ?? DBNull.Value);
                insert.Parameters.AddWithValue("$rules", (object?)e.RulesVersion ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }
            foreach (var c in codes)
            {
                using var code = connection.CreateCommand();
                code.Transaction = tx;
                code.CommandText = "INSERT INTO codes (code, exercise_id, seat) VALUES ($code, $exercise, $seat)";
                code.Parameters.AddWithValue("$code", c.Code);
                code.Parameters.AddWithValue("$exercise", c.ExerciseId);
                code.Parameters.AddWithValue("$seat", c.Seat);
                code.ExecuteNonQuery();
            }
            tx.Commit();
        });
        return Task.CompletedTask;
    }

    public Task<StoredExercise?> GetAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, scenario, scenario_text, seed, policy, trainer_key, observer_code, simulated_now, running, speed, catalogue_text, rules_version FROM exercises WHERE id = $id";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        StoredExercise? result = r.Read()
            ? new StoredExercise(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6), Time(r.GetString(7)), r.GetInt64(8) == 1, r.GetDouble(9),
                r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11))
            : null;
        return Task.FromResult(result);
    }

    public Task<StoredCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT code, exercise_id, seat FROM codes WHERE code = $code";
        query.Parameters.AddWithValue("$code", code);
        using var r = query.ExecuteReader();
        return Task.FromResult(r.Read() ? new StoredCode(r.GetString(0), r.GetString(1), r.GetString(2)) : null);
    }

    public Task<IReadOnlyList<StoredCode>> CodesAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT code, exercise_id, seat FROM codes WHERE exercise_id = $id ORDER BY seat";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        var list = new List<StoredCode>();
        while (r.Read()) list.Add(new StoredCode(r.GetString(0), r.GetString(1), r.GetString(2)));
        return Task.FromResult<IReadOnlyList<StoredCode>>(list);
    }

    public Task AddCodeAsync(StoredCode c, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO codes (code, exercise_id, seat) VALUES ($code, $exercise, $seat)";
            insert.Parameters.AddWithValue("$code", c.Code);
            insert.Parameters.AddWithValue("$exercise", c.ExerciseId);
            insert.Parameters.AddWithValue("$seat", c.Seat);
            insert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task AppendDecisionAsync(string exerciseId, RecordedDecision decision, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO commands (exercise_id, seq, at, kind, payload, decision_id, journal_events, journal_head)
                VALUES ($id, $seq, $at, $kind, $payload, $decision, $events, $head)
                """;
            insert.Parameters.AddWithValue("$id", exerciseId);
            insert.Parameters.AddWithValue("$seq", decision.Sequence);
            insert.Parameters.AddWithValue("$at", Time(decision.At));
            insert.Parameters.AddWithValue("$kind", DecisionCodec.Format);
            insert.Parameters.AddWithValue("$payload", DecisionCodec.Write(decision.Decision));
            insert.Parameters.AddWithValue("$decision", decision.Id);
            insert.Parameters.AddWithValue("$events", (object?)decision.After?.Events ?? DBNull.Value);
            insert.Parameters.AddWithValue("$head", (object?)decision.After?.Head ?? DBNull.Value);
            try { insert.ExecuteNonQuery(); }
            catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("decision_id", StringComparison.Ordinal))
            {
                throw new DuplicateDecisionException(exerciseId, decision.Id);
            }
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordedDecision>> DecisionsAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT seq, at, kind, payload, decision_id, journal_events, journal_head FROM commands WHERE exercise_id = $id ORDER BY seq";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        var list = new List<RecordedDecision>();
        while (r.Read())
        {
            var sequence = r.GetInt64(0);
            Decision decision;
            try { decision = DecisionCodec.Read(r.GetString(2), r.GetString(3)); }
            catch (FormatException e) { throw new FormatException($"exercise {exerciseId}, stored decision {sequence}: {e.Message}", e); }
            var mark = r.IsDBNull(5) || r.IsDBNull(6) ? null : new JournalMark((int)r.GetInt64(5), r.GetString(6));
            list.Add(new RecordedDecision(sequence, r.IsDBNull(4) ? RecordedDecision.LegacyId(sequence) : r.GetString(4), Time(r.GetString(1)), decision, mark));
        }
        return Task.FromResult<IReadOnlyList<RecordedDecision>>(list);
    }

    public Task SaveClockAsync(string exerciseId, DateTimeOffset simulatedNow, bool running, double speed, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE exercises SET simulated_now = $now, running = $running, speed = $speed WHERE id = $id";
            update.Parameters.AddWithValue("$id", exerciseId);
            update.Parameters.AddWithValue("$now", Time(simulatedNow));
            update.Parameters.AddWithValue("$running", running ? 1 : 0);
            update.Parameters.AddWithValue("$speed", speed);
            update.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task PinAsync(string exerciseId, string catalogueText, string rulesVersion, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE exercises SET catalogue_text = $catalogue, rules_version = $rules WHERE id = $id AND catalogue_text IS NULL";
            update.Parameters.AddWithValue("$id", exerciseId);
            update.Parameters.AddWithValue("$catalogue", catalogueText);
            update.Parameters.AddWithValue("$rules", rulesVersion);
            update.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<long> CountActivationAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        var result = _file.Write(connection =>
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE exercises SET activations = activations + 1 WHERE id = $id RETURNING activations";
            update.Parameters.AddWithValue("$id", exerciseId);
            return update.ExecuteScalar() is long count ? count : throw new InvalidOperationException($"no exercise '{exerciseId}' to activate");
        });
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<string>> ExerciseIdsAsync(bool runningOnly = false, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = runningOnly ? "SELECT id FROM exercises WHERE running = 1 ORDER BY id" : "SELECT id FROM exercises ORDER BY id";
        using var r = query.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(list);
    }
}
