using Microsoft.AspNetCore.SignalR;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Web.Hubs;

namespace Simulator.Web.Live;

/// <summary>
/// This server's observer of the exercises its clients follow: receives each batch of events from the exercise
/// grain and sends each followed audience (the trainer, the observers, a seat) its share, in one message, to its
/// SignalR group: a seat's share is what reached its state and what reached it alone. Grains never see the hub.
/// </summary>
public sealed class ExerciseNotifier(IHubContext<ExerciseHub> hub, IGrainFactory grains, Presence presence, ILogger<ExerciseNotifier> log) : IExerciseObserver
{
    /// <summary>The exercises this server's clients follow, and the audiences (SignalR groups) they joined as.</summary>
    private readonly Dictionary<string, HashSet<string>> _followed = [];
    private IExerciseObserver? _reference;

    public async Task OnEvents(string exerciseId, IReadOnlyList<LiveEvent> events, ClockState clock)
    {
        if (events.Count == 0)
        {
            await hub.Clients.Group(HubGroups.Everyone(exerciseId)).SendAsync(HubMessages.Clock, exerciseId, clock);
            return;
        }
        var sends = new List<Task>();
        var idle = new List<string>();
        foreach (var audience in Followed(exerciseId))
        {
            var share = events.Where(e => Audience.Reaches(e.Audience, audience)).Select(e => SealedContent.ForAudience(e, audience)).ToList();
            if (share.Count > 0) sends.Add(hub.Clients.Group(HubGroups.For(exerciseId, audience)).SendAsync(HubMessages.Events, exerciseId, share, clock));
            else idle.Add(HubGroups.For(exerciseId, audience));
        }
        await Task.WhenAll(sends);
        // The clock goes to the connections that received no events (an Events message carries the clock), and only
        // after the events: an inject to 300 seats is not held up behind 300 clock messages.
        if (idle.Count > 0) await hub.Clients.Groups(idle).SendAsync(HubMessages.Clock, exerciseId, clock);
    }

    /// <summary>Tokens revoked, left or expired: each console of this server that holds one is told why, then disconnected.</summary>
    public async Task OnAccessEnded(string exerciseId, IReadOnlyList<string> tokenIds, bool expired)
    {
        var reason = expired ? Identities.Expired : Identities.Ended;
        foreach (var (connection, disconnect) in presence.Holding(exerciseId, tokenIds.ToHashSet(StringComparer.Ordinal)))
        {
            try { await hub.Clients.Client(connection).SendAsync(HubMessages.AccessEnded, exerciseId, reason, expired); }
            catch (Exception e) { log.LogWarning(e, "Could not tell connection {Connection} its access ended", connection); }
            disconnect?.Invoke();
        }
    }

    public Task OnViews(string exerciseId, IReadOnlyDictionary<string, ConsoleView> views, ClockState clock, long lastSequence) =>
        Task.WhenAll(views.Select(v => hub.Clients.Group(HubGroups.For(exerciseId, v.Key))
            .SendAsync(HubMessages.View, exerciseId, new PushedView(clock, lastSequence, v.Value))));

    public Task OnEntitiesRecorded(string exerciseId, IReadOnlyList<string> audiences) =>
        hub.Clients.Groups(Followed(exerciseId).Where(f => Audience.Reaches(audiences, f)).Select(a => HubGroups.For(exerciseId, a)).ToList())
            .SendAsync(HubMessages.Entities, exerciseId);

    private string[] Followed(string exerciseId)
    {
        lock (_followed) return _followed.TryGetValue(exerciseId, out var joined) ? [.. joined] : [];
    }

    /// <summary>Makes sure this server receives the exercise's events (called when a client joins as <paramref name="audience"/>).</summary>
    public async Task FollowAsync(string exerciseId, string audience)
    {
        lock (_followed)
        {
            if (!_followed.TryGetValue(exerciseId, out var audiences)) _followed[exerciseId] = audiences = [];
            audiences.Add(audience);
        }
        await SubscribeAsync(exerciseId);
    }

    /// <summary>Whether this server receives the exercise's events (a client of it is connected here).</summary>
    public bool IsFollowing(string exerciseId)
    {
        lock (_followed) return _followed.ContainsKey(exerciseId);
    }

    /// <summary>Stops receiving the exercise's events: its last client on this server has left.</summary>
    public async Task UnfollowAsync(string exerciseId)
    {
        lock (_followed) _followed.Remove(exerciseId);
        if (_reference is null) return;
        try { await grains.GetGrain<IExerciseGrain>(exerciseId).Unsubscribe(_reference); }
        catch (Exception e) { log.LogWarning(e, "Could not unsubscribe from {Exercise}", exerciseId); }
        // A client that joined meanwhile followed it again: keep its subscription.
        if (IsFollowing(exerciseId)) await SubscribeAsync(exerciseId);
    }

    private async Task SubscribeAsync(string exerciseId)
    {
        _reference ??= grains.CreateObjectReference<IExerciseObserver>(this);
        string[] audiences;
        lock (_followed) audiences = _followed.TryGetValue(exerciseId, out var joined) ? [.. joined] : [];
        await grains.GetGrain<IExerciseGrain>(exerciseId).Subscribe(_reference, audiences);
    }

    /// <summary>Subscriptions expire if not renewed; the background service renews them.</summary>
    public async Task RenewAsync()
    {
        string[] ids;
        lock (_followed) ids = [.. _followed.Keys];
        foreach (var id in ids)
        {
            try { await SubscribeAsync(id); }
            catch (Exception e) { log.LogWarning(e, "Could not renew the subscription to {Exercise}", id); }
        }
    }
}

/// <summary>Renews this server's subscriptions, and wakes the stored exercises whose clock was running after a restart, so their clocks resume (the others wake when someone opens them).</summary>
public sealed class ExerciseNotifierService(ExerciseNotifier notifier, Simulator.Grains.Storage.IExerciseStore store, IGrainFactory grains,
    IHostApplicationLifetime lifetime, ILogger<ExerciseNotifierService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wake the stored exercises once the host, and so the silo, has started: before that Orleans knows no node to
        // place them on, and logs each call as a failed placement while it retries. A host that stops before it has
        // started (a port in use) ends this quietly: the host reports why it stopped.
        var started = new TaskCompletionSource<bool>();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult(true)))
        using (lifetime.ApplicationStopping.Register(() => started.TrySetResult(false)))
        using (stoppingToken.Register(() => started.TrySetResult(false)))
            if (!await started.Task) return;
        try
        {
            foreach (var id in await store.ExerciseIdsAsync(runningOnly: true, stoppingToken))
                await grains.GetGrain<IExerciseGrain>(id).Clock();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Could not resume the stored exercises");
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken)) await notifier.RenewAsync();
    }
}
