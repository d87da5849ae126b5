using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// Seat tokens and hashed secrets (issue 15 item 5): whoever joins with a code gets a token of their own, which their
/// console rejoins with; the trainer sees each token, limits how many share a seat, and ends one person's access;
/// tokens expire and end on leaving; codes are reissued, and the database holds no code, key or token in clear.
/// </summary>
public sealed class SeatTokenTests
{
    /// <summary>Real time that a test moves by hand (the exercises' wall clock: token expiry).</summary>
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<ExerciseCreated> Create(LiveServer server, params string[] seats)
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats });
        return (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    private static async Task<(HubConnection Connection, JsonElement Joined)> Join(LiveServer server, string code, string? name = null)
    {
        var connection = await server.ConnectAsync();
        var joined = name is null ? await connection.InvokeAsync<JsonElement>("Join", code) : await connection.InvokeAsync<JsonElement>("JoinAs", code, name);
        return (connection, joined);
    }

    private static string Token(JsonElement joined) => joined.GetProperty("token").GetProperty("token").GetString()!;
    private static string TokenId(JsonElement joined) => joined.GetProperty("token").GetProperty("id").GetString()!;

    [Fact]
    public async Task A_code_gives_each_person_a_token_that_rejoins_as_them_and_the_trainer_sees_it()
    {
        using var server = new LiveServer();
        var ex = await Create(server, "AL/contact-point");
        var (trainer, _) = await Join(server, ex.TrainerKey, "Trainer");
        var (first, joined) = await Join(server, ex.Seats.Single().Code, "Ana");
        var token = Token(joined);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", token); // 130 bits, Crockford base32
        Assert.Equal("AL/contact-point", joined.GetProperty("identity").GetProperty("seat").GetString());

        // The console rejoins with its token (a reload, a dropped connection): the same person, no new token.
        await first.DisposeAsync();
        var (again, rejoined) = await Join(server, token);
        Assert.Equal("AL/contact-point", rejoined.GetProperty("identity").GetProperty("seat").GetString());
        Assert.False(rejoined.TryGetProperty("token", out _));
        var hot = await again.InvokeAsync<DecisionResult>("HotWash", "we preserved early", null);
        Assert.True(hot.Accepted, hot.Message); // a seat's decision, taken by the token

        var tokens = await trainer.InvokeAsync<TokenList>("GetTokens");
        var ana = Assert.Single(tokens.Tokens, t => t.Seat == "AL/contact-point");
        Assert.Equal((TokenId(joined), "Ana", true), (ana.Id, ana.Name, ana.Open));
        Assert.Contains(tokens.Tokens, t => t.Seat == "trainer" && t.Name == "Trainer");
        var presence = await trainer.InvokeAsync<JsonElement>("GetPresence");
        Assert.Contains(presence.EnumerateArray(), p => p.GetProperty("who").GetString() == "AL/contact-point"
            && p.GetProperty("names").EnumerateArray().Any(n => n.GetString() == "Ana"));
    }

    [Fact]
    public async Task The_trainer_limits_how_many_share_a_seat_and_a_revoked_console_is_told_disconnected_and_refused()
    {
        using var server = new LiveServer();
        var ex = await Create(server, "AL/contact-point");
        var code = ex.Seats.Single().Code;
        var (trainer, _) = await Join(server, ex.TrainerKey);
        Assert.Equal(1, (await trainer.InvokeAsync<TokenList>("SetTraineesPerSeat", 1)).TraineesPerSeat);
        var limit = await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<TokenList>("SetTraineesPerSeat", 0));
        Assert.Contains("traineesPerSeat: 1 to 1000", limit.Message);

        var (ana, anaJoined) = await Join(server, code, "Ana");
        var ended = new TaskCompletionSource<string>();
        ana.On<string, string, bool>("AccessEnded", (_, reason, expired) => ended.TrySetResult(expired ? "expired" : reason));
        var closed = new TaskCompletionSource();
        ana.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await using var ben = await server.ConnectAsync();
        var full = await Assert.ThrowsAsync<HubException>(() => ben.InvokeAsync<JsonElement>("JoinAs", code, "Ben"));
        Assert.Contains("seat AL/contact-point already has 1 people joined, as many as the trainer allows", full.Message);

        Assert.Equal(1, await trainer.InvokeAsync<int>("RevokeTokens", new[] { TokenId(anaJoined) }));
        Assert.Contains("access was ended", await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var anaAgain = await server.ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => anaAgain.InvokeAsync<JsonElement>("Join", Token(anaJoined)));
        Assert.Contains("access was ended", refused.Message);
        // Her place is free: Ben joins.
        await using var benAgain = await server.ConnectAsync();
        Assert.Equal("AL/contact-point", (await benAgain.InvokeAsync<JsonElement>("JoinAs", code, "Ben")).GetProperty("identity").GetProperty("seat").GetString());

        // The revoked token opens nothing anywhere: not the REST API (not counted as a guess), not an entity grain.
        using var http = server.Http();
        var outcome = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
        outcome.Headers.Add("X-Exercise-Key", Token(anaJoined));
        var rest = await http.SendAsync(outcome);
        Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);
        Assert.Contains("access was ended", await rest.Content.ReadAsStringAsync());
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var desk = await Assert.ThrowsAsync<Simulator.Grains.Exercises.ExerciseException>(() => grains.GetGrain<IJurisdictionGrain>($"{ex.ExerciseId}/AL").Desk(Token(anaJoined)));
        Assert.Contains("access was ended", desk.Message);

        var unknown = await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<int>("RevokeTokens", new[] { "t-nosuch" }));
        Assert.Contains("tokenIds: no token 't-nosuch'", unknown.Message);
        // Revoking twice ends nothing more.
        Assert.Equal(0, await trainer.InvokeAsync<int>("RevokeTokens", new[] { TokenId(anaJoined) }));
    }

    [Fact]
    public async Task A_token_ends_on_leaving_and_when_it_expires()
    {
        var time = new ManualTime();
        using var server = new LiveServer(seedDatabase: null, new Dictionary<string, string> { ["Simulator:Access:TokenHours"] = "2" }, time);
        var ex = await Create(server, "AL/contact-point");
        var code = ex.Seats.Single().Code;

        var (leaving, left) = await Join(server, code);
        Assert.Equal(time.Now.AddHours(2), left.GetProperty("token").GetProperty("expiresAt").GetDateTimeOffset());
        await leaving.InvokeAsync("Leave");
        await using (var back = await server.ConnectAsync())
            Assert.Contains("access was ended", (await Assert.ThrowsAsync<HubException>(() => back.InvokeAsync<JsonElement>("Join", Token(left)))).Message);

        var (staying, stayed) = await Join(server, code);
        time.Now = time.Now.AddHours(2);
        var expired = await Assert.ThrowsAsync<HubException>(() => staying.InvokeAsync<JsonElement>("GetView"));
        Assert.Contains("access has expired: join again with your code", expired.Message);
        await using var later = await server.ConnectAsync();
        Assert.Contains("access has expired", (await Assert.ThrowsAsync<HubException>(() => later.InvokeAsync<JsonElement>("Join", Token(stayed)))).Message);
        // The code still gives a new token.
        Assert.Equal("AL/contact-point", (await later.InvokeAsync<JsonElement>("Join", code)).GetProperty("identity").GetProperty("seat").GetString());
    }

    [Fact]
    public async Task A_reissued_code_replaces_the_old_one_and_the_database_holds_no_secret_in_clear()
    {
        using var server = new LiveServer();
        var ex = await Create(server, "AL/contact-point", "BE/contact-point");
        var (trainer, trainerJoined) = await Join(server, ex.TrainerKey);
        Assert.Equal(["AL/contact-point", "BE/contact-point", "evaluator", "observer"], await trainer.InvokeAsync<List<string>>("GetCodes"));
        var (seat, seatJoined) = await Join(server, ex.Seats[0].Code);

        var fresh = await trainer.InvokeAsync<SeatCode>("ReissueCode", "AL/contact-point");
        Assert.NotEqual(ex.Seats[0].Code, fresh.Code);
        await using (var old = await server.ConnectAsync())
            Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => old.InvokeAsync<JsonElement>("Join", ex.Seats[0].Code))).Message);
        var (_, joinedFresh) = await Join(server, fresh.Code);
        Assert.Equal("AL/contact-point", joinedFresh.GetProperty("identity").GetProperty("seat").GetString());
        // A token given with the old code stays until revoked.
        Assert.Equal("AL/contact-point", (await seat.InvokeAsync<JsonElement>("GetView")).GetProperty("identity").GetProperty("seat").GetString());
        var noSuch = await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<SeatCode>("ReissueCode", "DR/judge"));
        Assert.Contains("seat: no code 'DR/judge' in this exercise", noSuch.Message);

        // The trainer's own key: the console goes on with its token, the old key opens nothing.
        var key = await trainer.InvokeAsync<SeatCode>("ReissueCode", "trainer");
        Assert.Equal(12, key.Code.Length);
        Assert.NotNull(await trainer.InvokeAsync<TokenList>("GetTokens"));
        using var http = server.Http();
        var record = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
        record.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(record)).StatusCode);
        record = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
        record.Headers.Add("X-Exercise-Key", key.Code);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(record)).StatusCode);

        // Nothing that opens the exercise is in the database in clear: not its codes, keys or tokens.
        SqliteConnection.ClearAllPools();
        var secrets = new[] { ex.TrainerKey, ex.ObserverCode, ex.EvaluatorCode!, ex.Seats[1].Code, fresh.Code, key.Code, Token(trainerJoined), Token(seatJoined) };
        foreach (var file in Directory.GetFiles(server.DataFolder, "simulator.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in secrets)
                Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds a secret in clear");
        }
    }

    [Fact]
    public async Task A_lost_trainer_key_is_reissued_from_the_servers_command_line_while_it_runs()
    {
        using var server = new LiveServer();
        var ex = await Create(server, "AL/contact-point");
        var (run, output) = await ServerProcess.RunAsync("reissue-key", ex.ExerciseId, "--Simulator:Data", server.DataFolder);
        Assert.True(run == 0, output);
        var key = System.Text.RegularExpressions.Regex.Match(output, $"new trainer key for {ex.ExerciseId}: ([0-9A-Z]{{12}})").Groups[1].Value;
        Assert.NotEmpty(key);
        var (_, joined) = await Join(server, key);
        Assert.Equal("trainer", joined.GetProperty("identity").GetProperty("role").GetString());
        await using var old = await server.ConnectAsync();
        Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => old.InvokeAsync<JsonElement>("Join", ex.TrainerKey))).Message);

        var (missing, said) = await ServerProcess.RunAsync("reissue-key", "ex-nosuch", "--Simulator:Data", server.DataFolder);
        Assert.Equal((1, true), (missing, said.Contains("no exercise 'ex-nosuch'")));
        // Another key than the one the folder was hashed under is said, not taken.
        var (wrongKey, told) = await ServerProcess.RunAsync("reissue-key", ex.ExerciseId, "--Simulator:Data", server.DataFolder,
            "--Simulator:SecretKey", Convert.ToBase64String(new byte[32]));
        Assert.Equal((1, true), (wrongKey, told.Contains("hashed under another secret key")));
    }
}
