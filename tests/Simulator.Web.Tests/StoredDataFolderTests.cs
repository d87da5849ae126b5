using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Grains.Contracts;
using Simulator.Planning.Replay;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Web.Tests;

/// <summary>A data folder written by an earlier main (tests/Fixtures) opens on today's server, as it was, and goes on.</summary>
public sealed class StoredDataFolderTests
{
    private static string Fixture(string file, string main = "main-d3ed95b")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Fixtures", main, file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"tests/Fixtures/{main}/{file}");
    }

    private static (string Exercise, string TrainerKey, string ContactPoint) Keys(string database)
    {
        using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT e.id, e.trainer_key, c.code FROM exercises e JOIN codes c ON c.exercise_id = e.id WHERE c.seat = 'AL/contact-point'";
        using var r = query.ExecuteReader();
        Assert.True(r.Read());
        return (r.GetString(0), r.GetString(1), r.GetString(2));
    }

    private static async Task<ExerciseRecord> RecordAsync(LiveServer server, string exercise, string key)
    {
        using var http = server.Http();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{exercise}/record");
        request.Headers.Add("X-Exercise-Key", key);
        var answer = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return ExerciseRecord.Parse(await answer.Content.ReadAsStringAsync(), "record.json");
    }

    [Fact]
    public async Task A_data_folder_written_by_main_d3ed95b_resumes_with_the_same_journal_and_takes_new_decisions()
    {
        var database = Fixture("simulator.db");
        var (exercise, trainerKey, contactCode) = Keys(database);
        var then = ExerciseRecord.Read(Fixture("exercise-record.json")); // downloaded from that exercise by that main
        using var server = new LiveServer(seedDatabase: database);

        var now = await RecordAsync(server, exercise, trainerKey);
        Assert.Equal(then.Journal, now.Journal); // rebuilt byte for byte from decisions stored in the earlier shape
        Assert.Equal(then.Decisions.Select(d => (d.Sequence, d.Id, d.At, DecisionCodec.Write(d.Decision))),
            now.Decisions.Select(d => (d.Sequence, d.Id, d.At, DecisionCodec.Write(d.Decision))));
        // From now on it is pinned to the law and rules it goes on under: those it was played by, from before
        // pinning (under which a seated state's unheld offices stay idle), not the rules of now.
        Assert.Equal((CatalogueLoader.TextBeforePinning, RulesVersion.BeforePinning), (now.CatalogueText, now.RulesVersion));

        await using var seat = await server.ConnectAsync();
        await seat.InvokeAsync<JsonElement>("Join", contactCode);
        var sent = await seat.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-vps-subscriber" }, false, null);
        Assert.True(sent.Accepted, sent.Message);

        var after = await RecordAsync(server, exercise, trainerKey);
        Assert.Equal(9, after.Decisions.Count);
        Assert.NotNull(after.Decisions[^1].After); // a new decision keeps the journal mark it left
        Assert.Equal(then.Journal, after.Journal.Take(then.Journal.Count));
        var replay = Replayer.Rebuild(after);
        Assert.True(replay.Faithful, replay.Departure);

        // Made before exercises had an evaluator: the trainer issues its code.
        await using var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", trainerKey);
        Assert.DoesNotContain("evaluator", await trainer.InvokeAsync<List<string>>("GetCodes"));
        var evaluatorCode = (await trainer.InvokeAsync<SeatCode>("ReissueCode", "evaluator")).Code;
        await using var evaluator = await server.ConnectAsync();
        Assert.Equal("evaluator", (await evaluator.InvokeAsync<JsonElement>("Join", evaluatorCode)).GetProperty("identity").GetProperty("role").GetString());

        // The codes it stored in clear are kept hashed now, and gone from the files on disk: the old keys still open it.
        foreach (var file in Directory.GetFiles(server.DataFolder, "simulator.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { trainerKey, contactCode, evaluatorCode })
                Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds a code in clear");
        }
    }

    /// <summary>The fixture's codes, which its database holds only hashed (written down when it was made, as a trainer would).</summary>
    private sealed record HashedFolderCodes(string Exercise, string TrainerKey, string ContactPoint, string Belmark, string OldObserverCode, string ObserverCode, string EvaluatorCode, string RevokedToken);

    [Fact]
    public async Task A_data_folder_written_by_main_fa0999c_with_hashed_codes_and_tokens_resumes_as_it_was()
    {
        const string main = "main-fa0999c";
        var codes = JsonSerializer.Deserialize<HashedFolderCodes>(await File.ReadAllTextAsync(Fixture("codes.json", main)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var then = ExerciseRecord.Read(Fixture("exercise-record.json", main));
        using var server = new LiveServer(seedDatabase: Fixture("simulator.db", main));

        var now = await RecordAsync(server, codes.Exercise, codes.TrainerKey);
        Assert.Equal(then.Journal, now.Journal);
        Assert.Equal(then.RulesVersion, now.RulesVersion);

        await using var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", codes.TrainerKey);
        var tokens = await trainer.InvokeAsync<TokenList>("GetTokens");
        Assert.Equal(3, tokens.TraineesPerSeat); // the trainer's limit, kept
        Assert.Contains(tokens.Tokens, t => t.Name == "Carl" && t.RevokedAt is not null && !t.Open);
        Assert.Contains(tokens.Tokens, t => t.Name == "Ana" && t.Seat == "AL/contact-point");

        await using var seat = await server.ConnectAsync();
        Assert.Equal("AL/contact-point", (await seat.InvokeAsync<JsonElement>("Join", codes.ContactPoint)).GetProperty("identity").GetProperty("seat").GetString());
        await using var revoked = await server.ConnectAsync();
        Assert.Contains("access was ended", (await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => revoked.InvokeAsync<JsonElement>("Join", codes.RevokedToken))).Message);
        await using var oldObserver = await server.ConnectAsync();
        Assert.Contains("unknown code", (await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => oldObserver.InvokeAsync<JsonElement>("Join", codes.OldObserverCode))).Message);
        await using var observer = await server.ConnectAsync();
        Assert.Equal("observer", (await observer.InvokeAsync<JsonElement>("Join", codes.ObserverCode)).GetProperty("identity").GetProperty("role").GetString());
        var hot = await seat.InvokeAsync<DecisionResult>("HotWash", "preserved on the first day", null);
        Assert.True(hot.Accepted, hot.Message);
    }
}
