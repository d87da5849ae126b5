using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;
using Simulator.Web.Live;

namespace Simulator.Web.Hubs;

/// <summary>
/// The live exercise hub at /hubs/exercise. A connection joins with a code or key and is then one identity of one
/// exercise: a seat, the trainer or an observer. Every method checks that identity through the exercise grain;
/// every refusal is a HubException with the reason, and nothing changes. Contract: docs/hub.md.
/// </summary>
public sealed class ExerciseHub(IGrainFactory grains, IExerciseStore store, ExerciseNotifier notifier, Presence presence) : Hub
{
    private const string ExerciseKey = "exercise", CredentialKey = "credential";

    /// <summary>Joins with a seat code, the trainer key or the observer code; returns what that identity sees.</summary>
    public async Task<JsonElement> Join(string code)
    {
        var found = await store.FindCodeAsync(code?.Trim().ToUpperInvariant() ?? "");
        if (found is null) throw new HubException("unknown code: check it with your trainer");
        var grain = grains.GetGrain<IExerciseGrain>(found.ExerciseId);
        var who = await Call(() => grain.Identify(found.Code));
        // One connection, one identity: switching would leave it in the groups of the first (and see their events).
        if (Context.Items.ContainsKey(ExerciseKey))
            throw new HubException("refused: this connection has already joined; open a new connection for another code");
        Context.Items[ExerciseKey] = found.ExerciseId;
        Context.Items[CredentialKey] = found.Code;
        var audience = who.Role switch
        {
            Identity.Trainer => Audience.Trainer,
            Identity.Observer => Audience.Observers,
            _ => Audience.State(who.Seat!.Split('/')[0]),
        };
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(found.ExerciseId, audience));
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Everyone(found.ExerciseId));
        await notifier.FollowAsync(found.ExerciseId, audience);
        presence.Joined(Context.ConnectionId, found.ExerciseId, who.Seat ?? who.Role, who.Role);
        await TellPresence(found.ExerciseId);
        return await GetView();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Left(Context.ConnectionId) is { } exercise) await TellPresence(exercise);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Who is connected to the exercise on this server (trainer and observers).</summary>
    public async Task<IReadOnlyList<PresenceLine>> GetPresence()
    {
        var (grain, credential) = Joined();
        var who = await Call(() => grain.Identify(credential));
        if (who.Role == Identity.Player) throw new HubException("refused: only the trainer and observers see who is connected");
        return presence.Of(JoinedIds().Exercise);
    }

    private Task TellPresence(string exercise) =>
        Clients.Groups(HubGroups.For(exercise, Audience.Trainer), HubGroups.For(exercise, Audience.Observers))
            .SendAsync(HubMessages.Presence, exercise, presence.Of(exercise));

    /// <summary>The joined identity's current view: { identity, clock, lastSequence, view }.</summary>
    public async Task<JsonElement> GetView()
    {
        var (grain, credential) = Joined();
        var view = await Call(() => grain.View(credential));
        return JsonSerializer.SerializeToElement(new
        {
            identity = view.Identity,
            clock = view.Clock,
            lastSequence = view.LastSequence,
            view = JsonDocument.Parse(view.Json).RootElement,
        }, Simulator.Core.Journal.JournalJson.Options);
    }

    public Task<ActionResult> SendRequest(string instrument, string[] evidence, bool emergency, string? requestedState) =>
        Act(new SeatAction("send-request", instrument, evidence, emergency, requestedState));

    /// <summary>Sends a request with its filled-in standard template, which must be complete (the console's form).</summary>
    public Task<ActionResult> SendRequestWithTemplate(string instrument, string[] evidence, bool emergency, string? requestedState, RequestTemplate template) =>
        Act(new SeatAction("send-request", instrument, evidence, emergency, requestedState, Template: template ?? new RequestTemplate()));

    /// <summary>The instrument advisor (seats): every instrument for this evidence from the seat's state, best first.</summary>
    public async Task<JsonElement> Advise(string[] evidence, bool emergency)
    {
        var (grain, credential) = Joined();
        return JsonDocument.Parse(await Call(() => grain.Advise(credential, evidence ?? [], emergency))).RootElement;
    }

    /// <summary>Checks a request as sending it would, without sending: { canSend, requestedState, provider, problems[], conditions[], refusalRisks[] }.</summary>
    public async Task<JsonElement> CheckRequest(string instrument, string[] evidence, bool emergency, string? requestedState, RequestTemplate? template)
    {
        var (grain, credential) = Joined();
        return JsonDocument.Parse(await Call(() => grain.CheckRequest(credential, new SeatAction("send-request", instrument, evidence, emergency, requestedState, Template: template)))).RootElement;
    }

    public Task<ActionResult> AnswerRequest(string request, string answer, string? ground = null, string? note = null) =>
        Act(new SeatAction("answer-request", Request: request, Answer: answer, Ground: ground, Note: note));

    public Task<ActionResult> Clarify(string request, string? note = null) => Act(new SeatAction("clarify", Request: request, Note: note));

    public Task<ActionResult> ExtendPreservation(string preservation) => Act(new SeatAction("extend-preservation", Preservation: preservation));

    public Task<ActionResult> Escalate(string request) => Act(new SeatAction("escalate", Request: request));

    public Task<ActionResult> Withdraw(string request) => Act(new SeatAction("withdraw", Request: request));

    public Task<ClockState> StartClock() => Clock(new ClockControl("start"));
    public Task<ClockState> PauseClock() => Clock(new ClockControl("pause"));
    public Task<ClockState> ResumeClock() => Clock(new ClockControl("resume"));
    public Task<ClockState> SetSpeed(double speed) => Clock(new ClockControl("speed", Speed: speed));
    public Task<ClockState> JumpTo(DateTimeOffset to) => Clock(new ClockControl("jump-to", To: to));
    public Task<ClockState> JumpToNextEvent() => Clock(new ClockControl("jump-next"));

    public async Task<ActionResult> FireInject(string inject)
    {
        var (grain, credential) = Joined();
        var result = await Call(() => grain.FireInject(credential, inject));
        return result.Accepted ? result : throw new HubException($"refused: {result.Message}");
    }

    public async Task<ActionResult> EditInject(string inject, DateTimeOffset? at = null, string? title = null, string? text = null)
    {
        var (grain, credential) = Joined();
        var result = await Call(() => grain.EditInject(credential, new InjectEdit(inject, at, title, text)));
        return result.Accepted ? result : throw new HubException($"refused: {result.Message}");
    }

    /// <summary>A state's desk: its authorities, their queues, who plays them, its requests (its seats, trainer, observers).</summary>
    public async Task<JsonElement> GetDesk(string state)
    {
        var (exercise, credential) = JoinedIds();
        return JsonDocument.Parse(await Call(() => grains.GetGrain<IJurisdictionGrain>($"{exercise}/{state}").Desk(credential))).RootElement;
    }

    /// <summary>A provider's holdings, retention clocks and handling (trainer and observers).</summary>
    public async Task<JsonElement> GetProvider(string provider)
    {
        var (exercise, credential) = JoinedIds();
        return JsonDocument.Parse(await Call(() => grains.GetGrain<IProviderGrain>($"{exercise}/{provider}").Holdings(credential))).RootElement;
    }

    /// <summary>An incident's investigation: leads, evidence and requests (the investigating state's seats, trainer, observers).</summary>
    public async Task<JsonElement> GetInvestigation(string incident)
    {
        var (exercise, credential) = JoinedIds();
        return JsonDocument.Parse(await Call(() => grains.GetGrain<IInvestigationGrain>($"{exercise}/{incident}").Status(credential))).RootElement;
    }

    /// <summary>Journal events after a sequence number that the joined identity may see (for catching up after a reconnect).</summary>
    public async Task<IReadOnlyList<LiveEvent>> GetJournal(long afterSequence = 0, int max = 1000)
    {
        var (grain, credential) = Joined();
        return await Call(() => grain.Journal(credential, afterSequence, max));
    }

    private async Task<ActionResult> Act(SeatAction action)
    {
        var (grain, credential) = Joined();
        var result = await Call(() => grain.Act(credential, action));
        return result.Accepted ? result : throw new HubException($"refused: {result.Message}");
    }

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
}
