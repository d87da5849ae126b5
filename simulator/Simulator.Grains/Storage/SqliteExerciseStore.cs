using System.Globalization;
using Microsoft.Data.Sqlite;
using Simulator.Core.Decisions;
using Simulator.Grains.Access;

namespace Simulator.Grains.Storage;

/// <summary>
/// The embedded default store: one SQLite file in write-ahead-log mode (<see cref="SqliteFile"/>). A write that
/// returned is in the log file, so it survives a killed process (SIGKILL); with <c>powerLossSafe</c> every commit
/// is also flushed to the disk, which survives a power cut at the price of a disk flush per decision. Codes, keys
/// and tokens are kept only as their keyed hashes (<see cref="SecretHasher"/>); the file remembers which key hashed
/// them, and refuses another. Plain SQL, kept portable for PostgreSQL.
/// </summary>
public sealed class SqliteExerciseStore : IExerciseStore
{
    private readonly SqliteFile _file;

    public SqliteExerciseStore(string path, SecretHasher hasher, bool powerLossSafe = false)
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
                trainer_key TEXT NOT NULL, -- blank: codes and keys are kept hashed in credentials
                observer_code TEXT NOT NULL,
                simulated_now TEXT NOT NULL,
                running INTEGER NOT NULL,
                speed REAL NOT NULL,
                activations INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS credentials (
                hash TEXT PRIMARY KEY,
                exercise_id TEXT NOT NULL REFERENCES exercises(id),
                seat TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tokens (
                hash TEXT PRIMARY KEY,
                id TEXT NOT NULL,
                exercise_id TEXT NOT NULL REFERENCES exercises(id),
                seat TEXT NOT NULL,
                name TEXT,
                issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT);
            CREATE UNIQUE INDEX IF NOT EXISTS tokens_id ON tokens (exercise_id, id);
            CREATE TABLE IF NOT EXISTS settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS organisers (
                name TEXT PRIMARY KEY,
                password_hash TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                organiser TEXT,
                exercise_id TEXT,
                address TEXT,
                detail TEXT);
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
        AddColumn(connection, "exercises", "trainees_per_seat", "INTEGER");
        AddColumn(connection, "exercises", "organiser", "TEXT");
        AddColumn(connection, "organisers", "signed_out_at", "TEXT");
        // A decision taken twice (a retried call) is refused by its id; rows stored before ids were kept have none.
        Execute(connection, "CREATE UNIQUE INDEX IF NOT EXISTS commands_decision_id ON commands (exercise_id, decision_id)");
        _file.Write(c => KeepSecretsHashed(c, hasher));
    }

    /// <summary>
    /// The key this file's secrets are hashed under is the one given (a server started with another key says so
    /// instead of refusing every code); and codes and keys stored in clear by earlier versions (the codes table, the
    /// exercises' trainer_key and observer_code) are hashed into credentials and blanked, in one transaction. Each
    /// keeps working: a code is looked up by its hash.
    /// </summary>
    private static void KeepSecretsHashed(SqliteConnection connection, SecretHasher hasher)
    {
        // What is overwritten or dropped is zeroed in the file, and the write-ahead log is emptied into it after: the
        // codes in clear are gone from the disk, not only from the tables.
        var clearBefore = Exists(connection, null, "codes");
        if (clearBefore) Execute(connection, "PRAGMA secure_delete = ON;");
        using var tx = connection.BeginTransaction();
        using (var check = connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT value FROM settings WHERE name = 'secret-key-check'";
            switch (check.ExecuteScalar())
            {
                case string stored when stored != hasher.Check:
                    throw new SecretKeyException($"this data folder's codes were hashed under another secret key (check {stored}; the key given has check {hasher.Check}): " +
                        "start the server with the key it was made with (Simulator:SecretKeyFile or Simulator:SecretKey)");
                case null:
                    Run(connection, tx, "INSERT INTO settings (name, value) VALUES ('secret-key-check', $check)", ("$check", hasher.Check));
                    break;
            }
        }
        if (Exists(connection, tx, "codes"))
        {
            var clear = new List<(string Code, string Exercise, string Seat)>();
            using (var old = connection.CreateCommand())
            {
                old.Transaction = tx;
                old.CommandText = "SELECT code, exercise_id, seat FROM codes";
                using var r = old.ExecuteReader();
                while (r.Read()) clear.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
            foreach (var (code, exercise, seat) in clear)
                Run(connection, tx, "INSERT OR IGNORE INTO credentials (hash, exercise_id, seat) VALUES ($hash, $exercise, $seat)",
                    ("$hash", hasher.Hash(code).Value), ("$exercise", exercise), ("$seat", seat));
            Run(connection, tx, "DROP TABLE codes");
        }
        Run(connection, tx, "UPDATE exercises SET trainer_key = '', observer_code = '' WHERE trainer_key <> '' OR observer_code <> ''");
        tx.Commit();
        if (clearBefore) EmptyLog(connection);
    }

    /// <summary>The check value of the key the database at <paramref name="path"/> hashed its codes under; null when there is no such database or it has none yet.</summary>
    public static string? StoredKeyCheck(string path)
    {
        if (!File.Exists(path)) return null;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        if (!Exists(connection, null, "settings")) return null;
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT value FROM settings WHERE name = 'secret-key-check'";
        return query.ExecuteScalar() as string;
    }

    /// <summary>Writes the log into the file and empties it; a reader holding it (another process) makes SQLite say busy, and it is tried again.</summary>
    private static void EmptyLog(SqliteConnection connection)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var r = checkpoint.ExecuteReader();
            if (r.Read() && r.GetInt64(0) == 0) return;
            Thread.Sleep(100);
        }
        throw new SecretKeyException("the codes stored in clear were hashed, but another process holds the database open, so their old copies could not be wiped from its log yet: stop it and start again");
    }

    private static bool Exists(SqliteConnection connection, SqliteTransaction? tx, string table)
    {
        using var query = connection.CreateCommand();
        query.Transaction = tx;
        query.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $table";
        query.Parameters.AddWithValue("$table", table);
        return (long)query.ExecuteScalar()! > 0;
    }

    private static int Run(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
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
                    INSERT INTO exercises (id, scenario, scenario_text, seed, policy, trainer_key, observer_code, simulated_now, running, speed, catalogue_text, rules_version, trainees_per_seat, organiser)
                    VALUES ($id, $scenario, $text, $seed, $policy, '', '', $now, $running, $speed, $catalogue, $rules, $trainees, $organiser)
                    """;
                insert.Parameters.AddWithValue("$id", e.Id);
                insert.Parameters.AddWithValue("$scenario", e.Scenario);
                insert.Parameters.AddWithValue("$text", e.ScenarioText);
                insert.Parameters.AddWithValue("$seed", e.Seed);
                insert.Parameters.AddWithValue("$policy", e.Policy);
                insert.Parameters.AddWithValue("$now", Time(e.SimulatedNow));
                insert.Parameters.AddWithValue("$running", e.Running ? 1 : 0);
                insert.Parameters.AddWithValue("$speed", e.Speed);
                insert.Parameters.AddWithValue("$catalogue", (object?)e.CatalogueText ?? DBNull.Value);
                insert.Parameters.AddWithValue("$rules", (object?)e.RulesVersion ?? DBNull.Value);
                insert.Parameters.AddWithValue("$trainees", (object?)e.TraineesPerSeat ?? DBNull.Value);
                insert.Parameters.AddWithValue("$organiser", (object?)e.Organiser ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }
            foreach (var c in codes)
                Run(connection, tx, "INSERT INTO credentials (hash, exercise_id, seat) VALUES ($hash, $exercise, $seat)", ("$hash", c.Hash.Value), ("$exercise", c.ExerciseId), ("$seat", c.Seat));
            tx.Commit();
        });
        return Task.CompletedTask;
    }

    public Task<StoredExercise?> GetAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, scenario, scenario_text, seed, policy, simulated_now, running, speed, catalogue_text, rules_version, trainees_per_seat, organiser FROM exercises WHERE id = $id";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        StoredExercise? result = r.Read()
            ? new StoredExercise(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), Time(r.GetString(5)), r.GetInt64(6) == 1, r.GetDouble(7),
                r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : (int)r.GetInt64(10), r.IsDBNull(11) ? null : r.GetString(11))
            : null;
        return Task.FromResult(result);
    }

    public Task<StoredCode?> FindCodeAsync(CredentialHash hash, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT hash, exercise_id, seat FROM credentials WHERE hash = $hash";
        query.Parameters.AddWithValue("$hash", hash.Value);
        using var r = query.ExecuteReader();
        return Task.FromResult(r.Read() ? new StoredCode(new CredentialHash(r.GetString(0)), r.GetString(1), r.GetString(2)) : null);
    }

    public Task<IReadOnlyList<StoredCode>> CodesAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT hash, exercise_id, seat FROM credentials WHERE exercise_id = $id ORDER BY seat";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        var list = new List<StoredCode>();
        while (r.Read()) list.Add(new StoredCode(new CredentialHash(r.GetString(0)), r.GetString(1), r.GetString(2)));
        return Task.FromResult<IReadOnlyList<StoredCode>>(list);
    }

    public Task ReplaceCodeAsync(StoredCode c, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            using var tx = connection.BeginTransaction();
            Run(connection, tx, "DELETE FROM credentials WHERE exercise_id = $exercise AND seat = $seat", ("$exercise", c.ExerciseId), ("$seat", c.Seat));
            Run(connection, tx, "INSERT INTO credentials (hash, exercise_id, seat) VALUES ($hash, $exercise, $seat)", ("$hash", c.Hash.Value), ("$exercise", c.ExerciseId), ("$seat", c.Seat));
            tx.Commit();
        });
        return Task.CompletedTask;
    }

    public Task AddTokenAsync(StoredToken t, CancellationToken cancellationToken = default)
    {
        _file.Write(connection => Run(connection, null, """
            INSERT INTO tokens (hash, id, exercise_id, seat, name, issued_at, expires_at, revoked_at)
            VALUES ($hash, $id, $exercise, $seat, $name, $issued, $expires, $revoked)
            """, ("$hash", t.Hash.Value), ("$id", t.Id), ("$exercise", t.ExerciseId), ("$seat", t.Seat), ("$name", t.Name),
            ("$issued", Time(t.IssuedAt)), ("$expires", Time(t.ExpiresAt)), ("$revoked", t.RevokedAt is { } r ? Time(r) : null)));
        return Task.CompletedTask;
    }

    private const string TokenColumns = "hash, id, exercise_id, seat, name, issued_at, expires_at, revoked_at";

    private static StoredToken ReadToken(SqliteDataReader r) =>
        new(new CredentialHash(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            Time(r.GetString(5)), Time(r.GetString(6)), r.IsDBNull(7) ? null : Time(r.GetString(7)));

    public Task<StoredToken?> FindTokenAsync(CredentialHash hash, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {TokenColumns} FROM tokens WHERE hash = $hash";
        query.Parameters.AddWithValue("$hash", hash.Value);
        using var r = query.ExecuteReader();
        return Task.FromResult(r.Read() ? ReadToken(r) : null);
    }

    public Task<IReadOnlyList<StoredToken>> TokensAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {TokenColumns} FROM tokens WHERE exercise_id = $id ORDER BY issued_at, id";
        query.Parameters.AddWithValue("$id", exerciseId);
        using var r = query.ExecuteReader();
        var list = new List<StoredToken>();
        while (r.Read()) list.Add(ReadToken(r));
        return Task.FromResult<IReadOnlyList<StoredToken>>(list);
    }

    public Task<int> RevokeTokensAsync(string exerciseId, IReadOnlyList<string> tokenIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var revoked = _file.Write(connection =>
        {
            using var tx = connection.BeginTransaction();
            var count = tokenIds.Sum(id => Run(connection, tx, "UPDATE tokens SET revoked_at = $at WHERE exercise_id = $exercise AND id = $id AND revoked_at IS NULL",
                ("$at", Time(at)), ("$exercise", exerciseId), ("$id", id)));
            tx.Commit();
            return count;
        });
        return Task.FromResult(revoked);
    }

    public Task PruneTokensAsync(string exerciseId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        _file.Write(connection => Run(connection, null, "DELETE FROM tokens WHERE exercise_id = $exercise AND (expires_at < $before OR revoked_at < $before)",
            ("$exercise", exerciseId), ("$before", Time(before))));
        return Task.CompletedTask;
    }

    public Task SetTraineesPerSeatAsync(string exerciseId, int traineesPerSeat, CancellationToken cancellationToken = default)
    {
        _file.Write(connection => Run(connection, null, "UPDATE exercises SET trainees_per_seat = $n WHERE id = $id", ("$id", exerciseId), ("$n", traineesPerSeat)));
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

    public Task AddOrganiserAsync(StoredOrganiser o, bool replace = false, CancellationToken cancellationToken = default)
    {
        _file.Write(connection =>
        {
            var sql = replace
                ? "INSERT INTO organisers (name, password_hash, created_at) VALUES ($name, $hash, $at) ON CONFLICT (name) DO UPDATE SET password_hash = $hash"
                : "INSERT INTO organisers (name, password_hash, created_at) VALUES ($name, $hash, $at)";
            try { Run(connection, null, sql, ("$name", o.Name), ("$hash", o.PasswordHash), ("$at", Time(o.CreatedAt))); }
            catch (SqliteException e) when (e.SqliteErrorCode == 19) { throw new DuplicateOrganiserException(o.Name); }
        });
        return Task.CompletedTask;
    }

    public Task<StoredOrganiser?> FindOrganiserAsync(string name, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT name, password_hash, created_at, signed_out_at FROM organisers WHERE name = $name";
        query.Parameters.AddWithValue("$name", name);
        using var r = query.ExecuteReader();
        return Task.FromResult(r.Read() ? new StoredOrganiser(r.GetString(0), r.GetString(1), Time(r.GetString(2)), r.IsDBNull(3) ? null : Time(r.GetString(3))) : null);
    }

    public Task<bool> RemoveOrganiserAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_file.Write(connection => Run(connection, null, "DELETE FROM organisers WHERE name = $name", ("$name", name)) > 0));

    public Task SignOutOrganiserAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _file.Write(connection => Run(connection, null, "UPDATE organisers SET signed_out_at = $at WHERE name = $name", ("$name", name), ("$at", Time(at))));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrganisedExercise>> ExercisesOfAsync(string organiser, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, scenario, simulated_now, running FROM exercises WHERE organiser = $organiser ORDER BY rowid DESC";
        query.Parameters.AddWithValue("$organiser", organiser);
        using var r = query.ExecuteReader();
        var list = new List<OrganisedExercise>();
        while (r.Read()) list.Add(new OrganisedExercise(r.GetString(0), r.GetString(1), Time(r.GetString(2)), r.GetInt64(3) == 1));
        return Task.FromResult<IReadOnlyList<OrganisedExercise>>(list);
    }

    public Task AuditAsync(AuditEntry e, CancellationToken cancellationToken = default)
    {
        _file.Write(connection => Run(connection, null, "INSERT INTO audit (at, kind, organiser, exercise_id, address, detail) VALUES ($at, $kind, $organiser, $exercise, $address, $detail)",
            ("$at", Time(e.At)), ("$kind", e.Kind), ("$organiser", e.Organiser), ("$exercise", e.ExerciseId), ("$address", e.Address), ("$detail", e.Detail)));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string? organiser = null, int max = 1000, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        // An organiser's: their own lines, and every line about an exercise they created (a trainer's revocations).
        query.CommandText = organiser is null
            ? "SELECT at, kind, organiser, exercise_id, address, detail FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT $max) ORDER BY seq"
            : """
              SELECT at, kind, organiser, exercise_id, address, detail FROM (
                SELECT * FROM audit WHERE organiser = $organiser OR exercise_id IN (SELECT id FROM exercises WHERE organiser = $organiser)
                ORDER BY seq DESC LIMIT $max) ORDER BY seq
              """;
        query.Parameters.AddWithValue("$max", Math.Clamp(max, 1, 100_000));
        query.Parameters.AddWithValue("$organiser", (object?)organiser ?? DBNull.Value);
        using var r = query.ExecuteReader();
        var list = new List<AuditEntry>();
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        while (r.Read()) list.Add(new AuditEntry(Time(r.GetString(0)), r.GetString(1), Text(2), Text(3), Text(4), Text(5)));
        return Task.FromResult<IReadOnlyList<AuditEntry>>(list);
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
