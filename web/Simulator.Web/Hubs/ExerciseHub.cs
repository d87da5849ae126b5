using Microsoft.AspNetCore.SignalR;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Evaluation;
using Simulator.Core.Engine;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;
using Simulator.Web.Live;

namespace Simulator.Web.Hubs;

/// <summary>
/// The live exercise hub at /hubs/exercise. A connection joins with a code or key, and the person gets a token of
/// their own (which their console keeps and rejoins with); it is then one identity of one exercise: a seat, the
/// trainer, an observer or the evaluator. Every method checks that identity through the exercise grain, by the
/// token, so that ending one person's access ends it for every call; every refusal is a HubException with the
/// reason, and nothing changes. Contract: docs/hub.md.
/// </summary>
public sealed class ExerciseHub(IGrainFactory grains, Identities identities, ExerciseNotifier notifier, Presence presence, Web.Access.AttemptThrottle throttle) : Hub
{
    private const string ExerciseKey = "exercise", CredentialKey = "credential", SeatKey = "seat", RoleKey = "role";

    /// <summary>
    /// Joins with a seat code, the trainer key, the observer or evaluator code, or a token given before; returns what
    /// that identity sees, and, joining with a code, the person's new token (<c>token</c>).
    /// </summary>
    public Task<ExerciseView> Join(string code) => JoinWith(code, null);

    /// <summary>Joins as <see cref="Join"/> does, under a person's name (1 to 60 characters), shown in presence and to the trainer with the token: several people may share a seat.</summary>
    public Task<ExerciseView> JoinAs(string code, string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 60 || trimmed.Any(char.IsControl)) throw new HubException("refused: name: 1 to 60 characters, without control characters");
        return JoinWith(code, trimmed);
    }

    private async Task<ExerciseView> JoinWith(string code, string? name)
    {
        // The attempt holds its place in the wrong-code counts while the code is looked up (Access/AttemptThrottle).
        var attempt = throttle.Begin(Context.ConnectionId, Context.GetHttpContext()?.Connection.RemoteIpAddress, out var tooMany);
        if (attempt is null) throw new HubException($"refused: {tooMany!.Reason}");
        Admission? found;
        try { found = await identities.FindAsync(code); }
        catch { throttle.Failed(attempt); throw; } // settled, so the place cannot stand as "being checked"
        if (found is null)
        {
            throttle.Failed(attempt);
            throw new HubException("unknown code: check it with your trainer");
        }
        throttle.Succeeded(attempt); // a token that no longer opens the exercise was not guessed either
        // One connection, one identity: switching would leave it in the groups of the first (and see their events).
        if (Context.Items.ContainsKey(ExerciseKey))
            throw new HubException("refused: this connection has already joined; open a new connection for another code");
        var grain = grains.GetGrain<IExerciseGrain>(found.ExerciseId);
        // A code gives the person a token of their own; a token rejoins as it is, under the name it was given with.
        var given = found.Token is null ? await Call(() => grain.Admit(code, name)) : null;
        return await EnterAsync(found.ExerciseId, given?.Token ?? Identities.Normal(code), name ?? found.Token?.Name, given, given?.Id ?? found.Token?.Id);
    }

    /// <summary>
    /// Joins the trainer's console of an exercise as the organiser who created it, by their sign-in (the start page's
    /// cookie, on servers where organisers sign in): no key needed; returns the view with the organiser's new trainer token.
    /// </summary>
    public async Task<ExerciseView> JoinAsOrganiser(string exerciseId)
    {
        if (Context.User?.Identity is not { IsAuthenticated: true, Name: { } organiser })
            throw new HubException("refused: sign in as an organiser on the start page first");
        if (Context.Items.ContainsKey(ExerciseKey))
            throw new HubException("refused: this connection has already joined; open a new connection for another code");
        var id = Required(exerciseId, "exerciseId");
        var given = await Call(() => grains.GetGrain<IExerciseGrain>(id).AdmitOrganiser(organiser, null));
        return await EnterAsync(id, given.Token, organiser, given, given.Id);
    }

    /// <summary>The connection becomes the holder of <paramref name="credential"/> in the exercise: its groups, presence and view.</summary>
    private async Task<ExerciseView> EnterAsync(string exerciseId, string credential, string? name, SeatToken? given, string? tokenId)
    {
        var grain = grains.GetGrain<IExerciseGrain>(exerciseId);
        var who = await Call(() => grain.Identify(credential));
        Context.Items[ExerciseKey] = exerciseId;
        Context.Items[CredentialKey] = credential;
        Context.Items[SeatKey] = who.Seat ?? "";
        Context.Items[RoleKey] = who.Role;
        // In presence (with the token it holds) before it hears anything: a revocation from here on finds it and ends it.
        presence.Joined(Context.ConnectionId, exerciseId, who.Seat ?? Names.Kebab(who.Role), Names.Kebab(who.Role), name, tokenId, Context.Abort);
        var audience = Audience.For(who); // a seat's own group: its share of its state's events and its own
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(exerciseId, audience));
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Everyone(exerciseId));
        await notifier.FollowAsync(exerciseId, audience);
        await TellPresence(exerciseId);
        var view = await GetView();
        return given is null ? view : view with { Token = given };
    }

    /// <summary>Leaves for good: this console's token opens nothing any more (every console holding it is disconnected). A code stays as it is.</summary>
    public async Task Leave()
    {
        var (grain, credential) = Joined();
        presence.Leaving(Context.ConnectionId); // this console is answered, then closes itself; the others holding the token are disconnected
        await Call(() => grain.Leave(credential));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        throttle.Forget(Context.ConnectionId);
        if (presence.Left(Context.ConnectionId) is { } exercise)
        {
            await TellPresence(exercise);
            // The last console of this exercise on this server left: stop receiving its events.
            if (presence.Of(exercise).Count == 0) await notifier.UnfollowAsync(exercise);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Who is connected to the exercise on this server (trainer and observers).</summary>
    public async Task<IReadOnlyList<PresenceLine>> GetPresence()
    {
        var (grain, credential) = Joined();
        var who = await Call(() => grain.Identify(credential));
        if (who.IsSeat) throw new HubException("refused: only the trainer and observers see who is connected");
        return presence.Of(JoinedIds().Exercise);
    }

    private Task TellPresence(string exercise) =>
        Clients.Groups(HubGroups.For(exercise, Audience.Trainer), HubGroups.For(exercise, Audience.Observers))
            .SendAsync(HubMessages.Presence, exercise, presence.Of(exercise));

    /// <summary>The joined identity's current view: { identity, clock, lastSequence, view, divergence }.</summary>
    public async Task<ExerciseView> GetView()
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.View(credential));
    }

    /// <summary>A seat's view as that seat sees it (trainer, evaluator): read only, for looking over a trainee's shoulder.</summary>
    public async Task<ExerciseView> GetSeatView(string seat)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.ViewAs(credential, Required(seat, "seat")));
    }

    // ---- Decisions: each hub method builds the one decision record it names (Core/Decisions), for the joined seat ----

    public Task<DecisionResult> SendRequest(string instrument, string[] evidence, bool emergency, string? requestedState) =>
        Decide(seat => new SendRequest(seat, Required(instrument, "instrument"), Evidence(evidence), emergency, Optional(requestedState)));

    /// <summary>Sends a request with its filled-in standard template, which must be complete (the console's form), and the
    /// scope it states (identifiers, window; none: what the facts support); <paramref name="urgent"/> marks it urgent
    /// without an emergency (Budapest Art. 31(3)).</summary>
    public Task<DecisionResult> SendRequestWithTemplate(string instrument, string[] evidence, bool emergency, string? requestedState, RequestTemplate template, bool urgent) =>
        Decide(seat => Draft(seat, instrument, evidence, emergency, requestedState, template ?? new RequestTemplate(), urgent));

    private static SendRequest Draft(string seat, string instrument, string[] evidence, bool emergency, string? requestedState, RequestTemplate? template, bool urgent) =>
        new(seat, Required(instrument, "instrument"), Evidence(evidence), emergency, Optional(requestedState), template?.Particulars(), urgent, template?.Scope(),
            template?.Minimise ?? false);

    /// <summary>The instrument advisor (seats): every instrument for this evidence from the seat's state, best first.</summary>
    public async Task<IReadOnlyList<InstrumentAdviceView>> Advise(string[] evidence, bool emergency)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Advise(credential, evidence ?? [], emergency));
    }

    /// <summary>Checks a request as sending it would, without sending: { canSend, requestedState, provider, problems[], conditions[], refusalRisks[], scope }.</summary>
    public async Task<RequestCheck> CheckRequest(string instrument, string[] evidence, bool emergency, string? requestedState, RequestTemplate? template, bool urgent)
    {
        var (grain, credential) = Joined();
        var draft = Draft(JoinedSeat(), instrument, evidence, emergency, requestedState, template, urgent);
        return await Call(() => grain.CheckRequest(credential, draft));
    }

    public Task<DecisionResult> AnswerRequest(string request, string answer, string? ground = null, string? note = null) =>
        Decide(seat => new AnswerRequest(seat, Required(request, "request"), AnswerOf(answer, ground), Optional(ground), Optional(note)));

    /// <summary>The answer with the review's checklist: <paramref name="checks"/> are the checks the reviewer confirmed ([] for none).</summary>
    public Task<DecisionResult> AnswerRequestWithChecklist(string request, string answer, string? ground, string? note, string[]? checks) =>
        Decide(seat => new AnswerRequest(seat, Required(request, "request"), AnswerOf(answer, ground), Optional(ground), Optional(note), Checks(checks)));

    /// <summary>
    /// The answer with the checklist and, with an approval, the conditions on the use of what is given:
    /// <paramref name="conditions"/> are the uses (`other-investigation`, `onward-transfer`) that are to need this state's
    /// consent, where the instrument lets it make them a condition (the view's <c>conditionsOpen</c>; [] for none).
    /// </summary>
    public Task<DecisionResult> AnswerRequestOnConditions(string request, string answer, string? ground, string? note, string[]? checks, string[]? conditions) =>
        Decide(seat => new AnswerRequest(seat, Required(request, "request"), AnswerOf(answer, ground), Optional(ground), Optional(note), Checks(checks), Conditions(conditions)));

    private static IReadOnlyList<UseKind>? Conditions(string[]? conditions)
    {
        if (conditions is null) throw new HubException("refused: conditions: give the uses to make conditional ([] for none): other-investigation, onward-transfer");
        if (conditions.Length > 4) throw new HubException("refused: conditions: at most 4");
        var uses = conditions.Select(c => Names.TryParse<UseKind>(c ?? "", out var use) ? use
                : throw new HubException($"refused: conditions: no use '{Echo.Clip(c)}'; the uses are other-investigation, onward-transfer"))
            .Distinct().ToList();
        return uses.Count == 0 ? null : uses;
    }

    private static Answer AnswerOf(string answer, string? ground) => answer switch
    {
        "approve" => Answer.Approve,
        "refuse" => string.IsNullOrWhiteSpace(ground) ? throw new HubException("refused: ground: a refusal needs a ground") : Answer.Refuse,
        "ask-clarification" => Answer.AskClarification,
        "narrow" => Answer.Narrow,
        _ => throw new HubException("refused: answer: must be approve, narrow, refuse or ask-clarification"),
    };

    private static IReadOnlyList<ReviewCheck> Checks(string[]? checks)
    {
        var known = string.Join(", ", Enum.GetValues<ReviewCheck>().Select(c => Names.Kebab(c)));
        if (checks is null) throw new HubException($"refused: checks: give the checks you confirmed ([] for none): {known}");
        if (checks.Length > 16) throw new HubException("refused: checks: at most 16");
        return checks.Select(c => Names.TryParse<ReviewCheck>(c ?? "", out var check) ? check
                : throw new HubException($"refused: checks: no check '{(c is { Length: > 40 } ? c[..40] + "..." : c)}'; the checks are {known}"))
            .Distinct().ToList();
    }

    /// <summary>A judge or prosecutor validates an order another office of its state issued (REG Art. 4(1)(b), 4(5)), or refuses to, with the reason in <paramref name="note"/>.</summary>
    public Task<DecisionResult> ValidateRequest(string request, bool validate, string? note = null) =>
        Decide(seat => new ValidateRequest(seat, Required(request, "request"), validate, Bounded(note, "note", MessageLimits.Note)));

    /// <summary>
    /// The issuing state's court (its judge seat) decides on an addressee's objection that complying would break a third
    /// country's law (REG Art. 17(4)-(6)): upholds the order, or lifts it, with the court's reasons in <paramref name="reason"/>.
    /// </summary>
    public Task<DecisionResult> ReviewConflict(string request, bool uphold, string? reason = null) =>
        Decide(seat => new ReviewConflict(seat, Required(request, "request"), uphold, Bounded(reason, "reason", MessageLimits.Note)));

    /// <summary>
    /// The enforcing state's authority (its judge seat) decides on an EU production order it was notified of, within the
    /// objection window (REG Arts. 10(2), 12(1)): raises <paramref name="ground"/> (one of the view's
    /// <c>notification.grounds</c>), or, with null, confirms that it raises none; <paramref name="reason"/> for the record.
    /// </summary>
    public Task<DecisionResult> ReviewNotification(string request, string? ground, string? reason = null) =>
        Decide(seat => new ReviewNotification(seat, Required(request, "request"), Bounded(ground, "ground", 100), Bounded(reason, "reason", MessageLimits.Note)));

    /// <summary>
    /// Puts a secured item of the seat's state to a use beyond its purpose: in another incident of the state
    /// (<paramref name="inIncident"/>) or passed on to another state (<paramref name="to"/>), one of the two. Accepted
    /// without the consent the giving state's terms require too, and then recorded as a violation (docs/safeguards.md).
    /// </summary>
    public Task<DecisionResult> UseEvidence(string evidence, string? inIncident, string? to, string? note = null) =>
        Decide(seat => new UseEvidence(seat, Required(evidence, "evidence"), Bounded(inIncident, "in", 100), Bounded(to, "to", 100), Bounded(note, "note", MessageLimits.Note)));

    /// <summary>Asks the state that gave a secured item for consent to use it in another incident, or to pass it on to another state.</summary>
    public Task<DecisionResult> AskUseConsent(string evidence, string? inIncident, string? to, string? note = null) =>
        Decide(seat => new AskUseConsent(seat, Required(evidence, "evidence"), Bounded(inIncident, "in", 100), Bounded(to, "to", 100), Bounded(note, "note", MessageLimits.Note)));

    /// <summary>The giving state's central authority grants or refuses a request for consent (a refusal gives its reason).</summary>
    public Task<DecisionResult> AnswerUseConsent(string consent, bool grant, string? reason = null) =>
        Decide(seat => new AnswerUseConsent(seat, Required(consent, "consent"), grant, Bounded(reason, "reason", MessageLimits.Note)));

    public Task<DecisionResult> Clarify(string request, string? note = null) => Decide(seat => new ProvideClarification(seat, Required(request, "request"), Optional(note)));

    public Task<DecisionResult> ExtendPreservation(string preservation) => Decide(seat => new ExtendPreservation(seat, Required(preservation, "preservation")));

    public Task<DecisionResult> Escalate(string request) => Decide(seat => new EscalateRequest(seat, Required(request, "request")));

    /// <summary>Tell the person whose data an order obtained (REG Art. 13(1)), or record why telling them is delayed (Art. 13(2)).</summary>
    public Task<DecisionResult> InformPerson(string request, bool delay, string? reason = null) =>
        Decide(seat => new InformPerson(seat, Required(request, "request"), delay, Bounded(reason, "reason", MessageLimits.Note)));

    /// <summary>Ask the enforcing state to enforce an order whose addressee let the deadline pass (REG Art. 16(1)).</summary>
    public Task<DecisionResult> EnforceOrder(string request, string? note = null) =>
        Decide(seat => new EnforceOrder(seat, Required(request, "request"), Bounded(note, "note", MessageLimits.Note)));

    public Task<DecisionResult> Withdraw(string request) => Decide(seat => new WithdrawRequest(seat, Required(request, "request")));

    /// <summary>Writes to another office or a provider (seats): channel phone, contact-point-network, secure-email or official-letter.</summary>
    public Task<DecisionResult> SendMessage(string to, string channel, string? subject, string text, string? about = null, string? inReplyTo = null) =>
        Decide(seat => new SendMessage(seat, Required(to, "to"), ChannelOf(channel), Text(text, "text", MessageLimits.Text), Bounded(subject, "subject", MessageLimits.Subject),
            Bounded(about, "about", 100), Bounded(inReplyTo, "inReplyTo", 100)));

    /// <summary>Hands an inject or a lead to another office of the seat's state.</summary>
    public Task<DecisionResult> Refer(string item, string to, string? note = null) =>
        Decide(seat => new Refer(seat, Required(item, "item"), Required(to, "to"), Bounded(note, "note", MessageLimits.Note)));

    /// <summary>Answers an inject: kind status-report, press-line, decision or note.</summary>
    public Task<DecisionResult> RespondToInject(string inject, string kind, string text) =>
        Decide(seat => new RespondToInject(seat, Required(inject, "inject"),
            Names.TryParse<ResponseKind>(kind ?? "", out var k) ? k : throw new HubException("refused: kind: must be status-report, press-line, decision or note"),
            Text(text, "text", MessageLimits.Text)));

    /// <summary>The trainer writes as the simulation cell: as an office no trainee holds, a provider or an outside actor, to an office.</summary>
    public Task<DecisionResult> SendMessageAs(string from, string to, string channel, string? subject, string text) =>
        Decide(_ => new SendMessageAs(Text(from, "from", MessageLimits.ActorName), Required(to, "to"), ChannelOf(channel), Text(text, "text", MessageLimits.Text),
            Bounded(subject, "subject", MessageLimits.Subject)));

    /// <summary>The evaluator rates a critical task or an objective: rating P, S, M or U (or its HSEEP name), with notes.</summary>
    public Task<DecisionResult> RateTask(string task, string rating, string? notes = null) =>
        Decide(_ => new RateTask(Required(task, "task"),
            HseepRatings.TryParse(rating, out var r) ? r : throw new HubException("refused: rating: must be P, S, M or U"), Bounded(notes, "notes", MessageLimits.Text)));

    /// <summary>The evaluator records an observation tied to journal events (their sequence numbers) and, optionally, a task.</summary>
    public Task<DecisionResult> RecordObservation(string text, long[]? events, string? task = null) =>
        Decide(_ => new RecordObservation(Text(text, "text", MessageLimits.Text),
            events is { Length: > 50 } ? throw new HubException("refused: events: at most 50") : events ?? [], Optional(task)));

    /// <summary>A contribution to the hot wash, from the joined seat, the trainer or the evaluator.</summary>
    public Task<DecisionResult> HotWash(string? strengths, string? improvements) =>
        Decide(seat => new HotWash(Context.Items[RoleKey] switch
        {
            IdentityRole.Trainer => Decision.Trainer,
            IdentityRole.Evaluator => Decision.Evaluator,
            _ => seat,
        }, Bounded(strengths, "strengths", MessageLimits.Text), Bounded(improvements, "improvements", MessageLimits.Text)));

    /// <summary>
    /// Which codes the exercise has (trainer): the seats, <c>observer</c> and <c>evaluator</c> they open. The codes
    /// themselves are kept only as keyed hashes, shown when made (ExerciseCreated, ReissueCode) and never again.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetCodes()
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Codes(credential));
    }

    /// <summary>A new code for a seat, <c>observer</c>, <c>evaluator</c> or <c>trainer</c> (trainer), shown this once; the old one stops opening the exercise, and the tokens given with it stay until revoked.</summary>
    public async Task<SeatCode> ReissueCode(string seat)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.ReissueCode(credential, Required(seat, "seat")));
    }

    /// <summary>Who holds the exercise's tokens (trainer): id, seat, name, issued, expires, revoked, open; and how many trainees may share a seat.</summary>
    public async Task<TokenList> GetTokens()
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Tokens(credential));
    }

    /// <summary>Ends the access of the consoles holding these tokens (trainer): they are told why and disconnected; each may join again with a code.</summary>
    public async Task<int> RevokeTokens(string[] tokenIds)
    {
        var (grain, credential) = Joined();
        if (tokenIds is null || tokenIds.Length is 0 or > ExerciseGrain.MaxTokensRevokedAtOnce)
            throw new HubException($"refused: tokenIds: 1 to {ExerciseGrain.MaxTokensRevokedAtOnce} token ids");
        return await Call(() => grain.RevokeTokens(credential, tokenIds));
    }

    /// <summary>How many trainees may hold tokens for one seat at once (trainer), 1 to 1000.</summary>
    public async Task<TokenList> SetTraineesPerSeat(int traineesPerSeat)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.SetTraineesPerSeat(credential, traineesPerSeat));
    }

    public Task<DecisionResult> FireInject(string inject) => Decide(_ => new FireInject(Required(inject, "inject")));

    public Task<DecisionResult> EditInject(string inject, DateTimeOffset? at = null, string? title = null, string? text = null) =>
        Decide(_ => new EditInject(Required(inject, "inject"), at, Optional(title), Optional(text)));

    /// <summary>
    /// Changes a pending inject fully (trainer): time, title, text, recipients and expected action, each null to keep
    /// it (an empty expected action removes it). EditInject keeps its four arguments for the clients that call it.
    /// </summary>
    public Task<DecisionResult> ReviseInject(string inject, DateTimeOffset? at, string? title, string? text, string[]? to, string? expectedAction) =>
        Decide(_ => new EditInject(Required(inject, "inject"), at, Bounded(title, "title", MessageLimits.Subject), Bounded(text, "text", MessageLimits.Text),
            to is null ? null : Recipients(to), expectedAction is null ? null : expectedAction.Length > MessageLimits.Text
                ? throw new HubException($"refused: expectedAction: at most {MessageLimits.Text} characters") : expectedAction));

    /// <summary>Adds an inject to the MSEL while the exercise runs (trainer): delivered at <paramref name="at"/>, or now when null.</summary>
    public Task<DecisionResult> AddInject(string title, string text, string[] to, string? expectedAction, DateTimeOffset? at) =>
        Decide(_ => new AddInject(Text(title, "title", MessageLimits.Subject), Text(text, "text", MessageLimits.Text), Recipients(to),
            Bounded(expectedAction, "expectedAction", MessageLimits.Text), at));

    /// <summary>Hands a trainee's seat to the engine for now (trainer): the exercise's policy plays it until GiveSeatBack.</summary>
    public Task<DecisionResult> HandSeatToEngine(string seat) => Decide(_ => new HandSeatToEngine(Required(seat, "seat")));

    /// <summary>Gives a seat the engine has been playing back to its trainee (trainer).</summary>
    public Task<DecisionResult> GiveSeatBack(string seat) => Decide(_ => new GiveSeatBack(Required(seat, "seat")));

    /// <summary>Ends the exercise (trainer): the clock stops for good and the reports are final.</summary>
    public Task<DecisionResult> EndExercise(string? reason = null) => Decide(_ => new EndExercise(Bounded(reason, "reason", 500)));

    public Task<ClockState> StartClock() => Clock(new ClockControl("start"));
    public Task<ClockState> PauseClock() => Clock(new ClockControl("pause"));
    public Task<ClockState> ResumeClock() => Clock(new ClockControl("resume"));
    public Task<ClockState> SetSpeed(double speed) => Clock(new ClockControl("speed", Speed: speed));
    public Task<ClockState> JumpTo(DateTimeOffset to) => Clock(new ClockControl("jump-to", To: to));
    public Task<ClockState> JumpToNextEvent() => Clock(new ClockControl("jump-next"));

    /// <summary>A state's desk: its authorities, their queues, who plays them, its requests (its seats, trainer, observers).</summary>
    public async Task<JurisdictionDesk> GetDesk(string state)
    {
        var (exercise, credential) = JoinedIds();
        return await Call(() => grains.GetGrain<IJurisdictionGrain>($"{exercise}/{state}").Desk(credential));
    }

    /// <summary>A provider's holdings, retention clocks and handling (trainer and observers).</summary>
    public async Task<ProviderHoldings> GetProvider(string provider)
    {
        var (exercise, credential) = JoinedIds();
        return await Call(() => grains.GetGrain<IProviderGrain>($"{exercise}/{provider}").Holdings(credential));
    }

    /// <summary>An incident's investigation: leads, evidence and requests (the investigating state's seats, trainer, observers).</summary>
    public async Task<InvestigationStatus> GetInvestigation(string incident)
    {
        var (exercise, credential) = JoinedIds();
        return await Call(() => grains.GetGrain<IInvestigationGrain>($"{exercise}/{incident}").Status(credential));
    }

    /// <summary>Journal events after a sequence number that the joined identity may see (for catching up after a reconnect).</summary>
    public async Task<IReadOnlyList<LiveEvent>> GetJournal(long afterSequence = 0, int max = 1000)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Journal(credential, afterSequence, max));
    }

    /// <summary>
    /// Takes a decision for the joined identity (its seat as actor; the grain checks the seat may take it). Each call
    /// is one decision with a new id, kept for the grain call's retries. A refusal is a HubException with the reason.
    /// </summary>
    private async Task<DecisionResult> Decide(Func<string, Decision> build)
    {
        var (grain, credential) = Joined();
        var decision = build(JoinedSeat());
        var id = Guid.NewGuid().ToString("N");
        var result = await Call(() => grain.Decide(credential, id, decision));
        return result.Accepted ? result : throw new HubException($"refused: {result.Message}");
    }

    /// <summary>An identifier the call needs (a request, an item, a seat): required, and at most <paramref name="max"/> characters, so no refusal echoes a huge one.</summary>
    private static string Required(string? value, string field, int max = 100) =>
        string.IsNullOrWhiteSpace(value) ? throw new HubException($"refused: {field}: required")
        : value.Length > max ? throw new HubException($"refused: {field}: at most {max} characters") : value.Trim();

    private static string Text(string? value, string field, int max) => Required(value, field, max);

    private static IReadOnlyList<string> Recipients(string[]? to) =>
        to is { Length: > 0 and <= 100 } && to.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 100) ? [.. to.Select(t => t.Trim())]
        : throw new HubException("refused: to: name 1 to 100 recipients, states (AL) or seats (AL/prosecutor)");

    private static MessageChannel ChannelOf(string? channel) =>
        Names.TryParse<MessageChannel>(channel ?? "", out var c) ? c
        : throw new HubException($"refused: channel: must be one of {string.Join(", ", Enum.GetValues<MessageChannel>().Select(v => Names.Kebab(v)))}");

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Bounded(string? value, string field, int max) =>
        Optional(value) is { } text && text.Length > max ? throw new HubException($"refused: {field}: at most {max} characters") : Optional(value);

    private static IReadOnlyList<string> Evidence(string[]? evidence) =>
        evidence is { Length: > 0 and <= 100 } && evidence.All(e => !string.IsNullOrWhiteSpace(e) && e.Length <= 100) ? evidence.Select(e => e.Trim()).ToList()
        : throw new HubException("refused: evidence: name 1 to 100 evidence items, none blank");

    /// <summary>The joined seat ("STATE/role"), or "" for the trainer and observers (whose seat decisions the grain refuses).</summary>
    private string JoinedSeat() => Context.Items.TryGetValue(SeatKey, out var seat) && seat is string s ? s : "";

    private async Task<ClockState> Clock(ClockControl control)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Control(credential, control));
    }

    private (string Exercise, string Credential) JoinedIds()
    {
        if (Context.Items.TryGetValue(ExerciseKey, out var id) && id is string exercise && Context.Items[CredentialKey] is string credential)
            return (exercise, credential);
        throw new HubException("join an exercise first: call Join with your code");
    }

    private (IExerciseGrain Grain, string Credential) Joined()
    {
        if (Context.Items.TryGetValue(ExerciseKey, out var id) && id is string exercise && Context.Items[CredentialKey] is string credential)
            return (grains.GetGrain<IExerciseGrain>(exercise), credential);
        throw new HubException("join an exercise first: call Join with your code");
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (ExerciseException e) { throw new HubException($"refused: {e.Message}"); }
    }

    private static Task Call(Func<Task> call) => Call(async () => { await call(); return true; });
}
