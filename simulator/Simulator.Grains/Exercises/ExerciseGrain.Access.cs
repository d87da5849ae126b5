using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Who may act in the exercise: its codes (by their keyed hashes) and the tokens given to the people who joined
/// with them, kept in memory as the store holds them. A code is what a trainer hands out; a token is one person's,
/// given when they join (<see cref="Admit"/>), and is what their console calls with from then on, so that the
/// trainer can end one person's access (revoke), see who holds a seat, and limit how many share it.
/// </summary>
public sealed partial class ExerciseGrain
{
    /// <summary>The exercise's codes: keyed hash → the seat it opens.</summary>
    private Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    /// <summary>The exercise's tokens, open or not: keyed hash → token.</summary>
    private Dictionary<string, StoredToken> _tokens = new(StringComparer.Ordinal);
    /// <summary>The tokens whose end the consoles were told of (or that had ended before this activation).</summary>
    private readonly HashSet<string> _endTold = new(StringComparer.Ordinal);
    private IGrainTimer? _accessSweep;

    /// <summary>How often the access sweep runs: tokens that expired meanwhile are ended on the consoles, and what the server's command line changed in the store is taken.</summary>
    public static readonly TimeSpan AccessSweepPeriod = TimeSpan.FromSeconds(30);
    /// <summary>The most tokens one exercise keeps (open, and closed ones not yet forgotten): joining and leaving in a loop cannot grow the store without end.</summary>
    public const int MaxTokensPerExercise = 20_000;

    /// <summary>After a rebuild: every token closed by now was closed before any console of this activation joined with it.</summary>
    private void StartAccessSweep()
    {
        var now = time.UtcNow;
        foreach (var t in _tokens.Values.Where(t => !t.OpensAt(now))) _endTold.Add(t.Id);
        _accessSweep ??= this.RegisterGrainTimer(AccessSweep, new GrainTimerCreationOptions(AccessSweepPeriod, AccessSweepPeriod) { Interleave = false, KeepAlive = false });
    }

    /// <summary>
    /// Every half minute: reads the codes and tokens again (a key reissued from the command line revokes the trainer's
    /// tokens in the store), and ends on the consoles every token that stopped opening the exercise since, expired or revoked.
    /// </summary>
    private async Task AccessSweep()
    {
        await LoadCredentialsAsync();
        TellEnded();
    }

    private void TellEnded()
    {
        var now = time.UtcNow;
        var ended = _tokens.Values.Where(t => !t.OpensAt(now) && _endTold.Add(t.Id)).ToList();
        var revoked = ended.Where(t => t.RevokedAt is not null).Select(t => t.Id).ToList();
        var expired = ended.Where(t => t.RevokedAt is null).Select(t => t.Id).ToList();
        if (revoked.Count > 0) Feed.AccessEnded(revoked, expired: false);
        if (expired.Count > 0) Feed.AccessEnded(expired, expired: true);
    }

    private async Task LoadCredentialsAsync(IReadOnlyList<StoredCode>? codes = null, CancellationToken cancellationToken = default)
    {
        codes ??= await store.CodesAsync(Id, cancellationToken);
        _codes = codes.ToDictionary(c => c.Hash.Value, c => c.Seat, StringComparer.Ordinal);
        _tokens = (await store.TokensAsync(Id, cancellationToken)).ToDictionary(t => t.Hash.Value, StringComparer.Ordinal);
    }

    private Identity Who(string credential) =>
        _record is null ? throw new ExerciseException($"no exercise '{Id}'")
        : Known(hasher.Hash(credential)) ?? throw new ExerciseException("this code or key does not open this exercise");

    /// <summary>
    /// As <see cref="Who"/>, but a credential not known here is looked for in the store once more: a key reissued
    /// from the server's command line (Simulator.Web reissue-key) opens the exercise at once, and the one it replaced
    /// stops with the reload (else with the next access sweep).
    /// </summary>
    private async Task<Identity> WhoAsync(string credential)
    {
        if (_record is null) throw new ExerciseException($"no exercise '{Id}'");
        var hash = hasher.Hash(credential);
        if (Known(hash) is { } known) return known;
        await LoadCredentialsAsync();
        return Known(hash) ?? throw new ExerciseException("this code or key does not open this exercise");
    }

    private Identity? Known(CredentialHash hash)
    {
        if (_codes.TryGetValue(hash.Value, out var seat)) return Credentials.IdentityOf(Id, seat);
        if (!_tokens.TryGetValue(hash.Value, out var token)) return null;
        return Identities.Closed(token, time.UtcNow) is { } closed ? throw new ExerciseException(closed) : Credentials.IdentityOf(Id, token.Seat);
    }

    private int TraineesPerSeat => _record!.TraineesPerSeat ?? access.TraineesPerSeat;

    public async Task<SeatToken> Admit(string code, string? name)
    {
        var who = await WhoAsync(code);
        var hash = hasher.Hash(code);
        if (!_codes.TryGetValue(hash.Value, out var seat)) throw new ExerciseException("a token rejoins as it is: only a code or key gives a new one");
        return await IssueTokenAsync(who, seat, name);
    }

    public async Task<SeatToken> AdmitOrganiser(string organiser, string? name)
    {
        // The organiser who created the exercise is its trainer, by their sign-in; anyone else learns nothing of it.
        if (_record is null || _record.Organiser is null || _record.Organiser != organiser) throw new ExerciseException($"no exercise '{Id}' of yours");
        var token = await IssueTokenAsync(Credentials.IdentityOf(Id, Credentials.TrainerSeat), Credentials.TrainerSeat, name ?? organiser);
        await store.AuditAsync(new AuditEntry(time.UtcNow, "trainer-console-opened", organiser, Id, Detail: token.Id));
        return token;
    }

    private async Task<SeatToken> IssueTokenAsync(Identity who, string seat, string? name)
    {
        var now = time.UtcNow;
        if (who.IsSeat)
        {
            var holding = _tokens.Values.Count(t => t.Seat == seat && t.OpensAt(now));
            if (holding >= TraineesPerSeat)
                throw new ExerciseException($"seat {seat} already has {holding} people joined, as many as the trainer allows: ask the trainer to end the access of a console no longer used, or to allow more");
        }
        // Tokens that stopped opening the exercise a day ago are forgotten, so that joining and leaving do not grow the
        // store; at the most an exercise keeps, every closed one is.
        var forgetBefore = _tokens.Count >= MaxTokensPerExercise ? now : now - TimeSpan.FromDays(1);
        if (_tokens.Values.Any(t => t.ExpiresAt < forgetBefore || t.RevokedAt < forgetBefore))
        {
            await store.PruneTokensAsync(Id, forgetBefore);
            _tokens = _tokens.Where(t => !(t.Value.ExpiresAt < forgetBefore || t.Value.RevokedAt < forgetBefore)).ToDictionary(StringComparer.Ordinal);
        }
        if (_tokens.Count >= MaxTokensPerExercise)
            throw new ExerciseException($"this exercise has {_tokens.Count} people joined, the most it takes: ask the trainer to end the access of consoles no longer used");
        var token = Credentials.NewToken();
        var stored = new StoredToken(hasher.Hash(token), NewTokenId(), Id, seat, name, now, now + access.TokenLifetime);
        await store.AddTokenAsync(stored);
        _tokens[stored.Hash.Value] = stored;
        return new SeatToken(token, stored.Id, stored.ExpiresAt);
    }

    private string NewTokenId()
    {
        while (true)
        {
            var id = Credentials.NewTokenId();
            if (!_tokens.Values.Any(t => t.Id == id)) return id;
        }
    }

    public async Task Leave(string credential)
    {
        if (_tokens.TryGetValue(hasher.Hash(credential).Value, out var token))
        {
            if (token.RevokedAt is null) await RevokeAsync([token]); // leaving twice is leaving once
        }
        else Who(credential); // a code or key stays: it is the trainer's to hand out
    }

    public Task<IReadOnlyList<string>> Codes(string credential)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer sees the exercise's codes");
        return Task.FromResult<IReadOnlyList<string>>([.. _codes.Values.Where(s => s != Credentials.TrainerSeat).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    public Task<TokenList> Tokens(string credential)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer sees who holds the exercise's tokens");
        return Task.FromResult(TokenList());
    }

    private TokenList TokenList()
    {
        var now = time.UtcNow;
        return new TokenList(TraineesPerSeat, [.. _tokens.Values.OrderBy(t => t.IssuedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new TokenLine(t.Id, t.Seat, t.Name, t.IssuedAt, t.ExpiresAt, t.RevokedAt, t.OpensAt(now)))]);
    }

    public const int MaxTokensRevokedAtOnce = 1000;

    public async Task<int> RevokeTokens(string credential, IReadOnlyList<string> tokenIds)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer ends someone's access");
        if (tokenIds.Count is 0 or > MaxTokensRevokedAtOnce) throw new ExerciseException($"tokenIds: 1 to {MaxTokensRevokedAtOnce} token ids");
        var byId = _tokens.Values.ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (tokenIds.Where(id => id is null || !byId.ContainsKey(id)).Select(id => id ?? "null").FirstOrDefault() is { } unknown)
            throw new ExerciseException($"tokenIds: no token '{Core.Common.Echo.Clip(unknown)}' in this exercise (Tokens lists them)");
        var open = tokenIds.Distinct(StringComparer.Ordinal).Select(id => byId[id]).Where(t => t.RevokedAt is null).ToList();
        if (open.Count > 0)
            await store.AuditAsync(new AuditEntry(time.UtcNow, "tokens-revoked", ExerciseId: Id, Detail: string.Join(", ", open.Take(20).Select(t => $"{t.Id} ({t.Seat}{(t.Name is null ? "" : ", " + t.Name)})"))));
        return await RevokeAsync(open);
    }

    private async Task<int> RevokeAsync(IReadOnlyList<StoredToken> tokens)
    {
        if (tokens.Count == 0) return 0;
        var now = time.UtcNow;
        await store.RevokeTokensAsync(Id, [.. tokens.Select(t => t.Id)], now);
        foreach (var t in tokens) _tokens[t.Hash.Value] = t with { RevokedAt = now };
        TellEnded();
        return tokens.Count;
    }

    public async Task<SeatCode> ReissueCode(string credential, string seat)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer reissues codes");
        var holders = _codes.Values.Append(Credentials.EvaluatorSeat).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (seat is null || !holders.Contains(seat))
            throw new ExerciseException($"seat: no code '{Core.Common.Echo.Clip(seat ?? "null")}' in this exercise; its codes are for: {string.Join(", ", holders)}");
        var code = Credentials.New(seat == Credentials.TrainerSeat ? Credentials.TrainerKeyLength : 8);
        var stored = new StoredCode(hasher.Hash(code), Id, seat);
        await store.ReplaceCodeAsync(stored);
        await store.AuditAsync(new AuditEntry(time.UtcNow, "code-reissued", ExerciseId: Id, Detail: seat));
        _codes = _codes.Where(c => c.Value != seat).Append(new(stored.Hash.Value, seat)).ToDictionary(StringComparer.Ordinal);
        return new SeatCode(seat, code);
    }

    public async Task<SeatCode> ReissueTrainerKey(string organiser)
    {
        if (_record is null || _record.Organiser is null || _record.Organiser != organiser) throw new ExerciseException($"no exercise '{Id}' of yours");
        var key = Credentials.New(Credentials.TrainerKeyLength);
        var stored = new StoredCode(hasher.Hash(key), Id, Credentials.TrainerSeat);
        await store.ReplaceCodeAsync(stored);
        _codes = _codes.Where(c => c.Value != Credentials.TrainerSeat).Append(new(stored.Hash.Value, Credentials.TrainerSeat)).ToDictionary(StringComparer.Ordinal);
        var now = time.UtcNow;
        var trainers = _tokens.Values.Where(t => t.Seat == Credentials.TrainerSeat && t.OpensAt(now)).ToList();
        await store.AuditAsync(new AuditEntry(now, "trainer-key-reissued", organiser, Id, Detail: $"{trainers.Count} trainer console(s) ended"));
        await RevokeAsync(trainers);
        return new SeatCode(Credentials.TrainerSeat, key);
    }

    public async Task<TokenList> SetTraineesPerSeat(string credential, int traineesPerSeat)
    {
        if (!Who(credential).IsTrainer) throw new ExerciseException("only the trainer sets how many trainees share a seat");
        if (traineesPerSeat is < 1 or > AccessSettings.MaxTraineesPerSeat) throw new ExerciseException($"traineesPerSeat: 1 to {AccessSettings.MaxTraineesPerSeat}");
        await store.SetTraineesPerSeatAsync(Id, traineesPerSeat);
        _record = _record! with { TraineesPerSeat = traineesPerSeat };
        return TokenList();
    }
}
