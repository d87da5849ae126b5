using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>The MSEL at run time: injects scheduled, delivered when their conditions hold, fired or changed by the trainer.</summary>
public sealed partial class Simulation
{
    private void FireInject(Inject inject, bool onDemand)
    {
        if (!_firedInjects.Add(inject.Id)) return;
        if (!onDemand && inject.Condition is { } condition && !ConditionHolds(condition, out var why))
        {
            Record(new InjectSkipped(inject.Id, why));
            return;
        }
        _deliveredTo[inject.Id] = inject.To;
        Record(new InjectDelivered(inject.Id, inject.To, inject.Title, inject.ExpectedAction, onDemand));
        if (inject.Effects.PurgeProvider is { } provider)
        {
            foreach (var s in _evidence.Values.Where(s => s.Item.Holder == provider).OrderBy(s => s.Item.Id, StringComparer.Ordinal))
                PurgeIfExposed(s, $"{provider} deleted its data ({inject.Id})");
        }
        foreach (var id in inject.Effects.PurgeEvidence)
            PurgeIfExposed(_evidence[id], $"{_evidence[id].Item.Holder} deleted the data ({inject.Id})");
        foreach (var lead in inject.Effects.RevealsLeads)
            DiscoverLead(lead, $"inject {inject.Id}: {inject.Title}");
    }

    private bool ConditionHolds(InjectCondition condition, out string why)
    {
        switch (condition.Kind)
        {
            case InjectConditionKind.NoRequestReachedProvider:
                var reached = _requests.FirstOrDefault(r => r.Provider.Id == condition.Provider && r.ReceivedAt is not null);
                why = reached is null ? "" : $"{reached.Id} reached {condition.Provider} at {JournalJson.Instant(reached.ReceivedAt!.Value)}";
                return reached is null;
            case InjectConditionKind.EvidenceNotSecured:
                var s = _evidence[condition.Evidence!];
                why = $"{condition.Evidence} is already {Names.Kebab(s.Status)}";
                return s.Status is EvidenceStatus.Available && !s.IsHeld;
            case InjectConditionKind.EvidenceSecured:
                why = $"{condition.Evidence} is not secured";
                return _evidence[condition.Evidence!].Status == EvidenceStatus.Secured;
            default:
                why = "unknown condition";
                return false;
        }
    }

    private void ScheduleInject(Inject inject, int version)
    {
        _injects[inject.Id] = (inject, version);
        At(inject.At, () =>
        {
            if (_injects[inject.Id].Version == version) FireInject(inject, onDemand: false);
        });
    }

    /// <summary>
    /// The trainer changes a pending inject: its time (not in the past), title or text. The edit is journalled and,
    /// like every decision, replayed on recovery.
    /// </summary>
    private DecisionResult ChangeInject(string injectId, DateTimeOffset? at, string? title, string? text)
    {
        EnsureStarted();
        if (!_injects.TryGetValue(injectId, out var current)) return DecisionResult.Rejected($"no inject '{injectId}' in this scenario");
        if (_firedInjects.Contains(injectId)) return DecisionResult.Rejected($"inject '{injectId}' has already been delivered or skipped: only pending injects can be edited");
        if (at is { } when && when < Now) return DecisionResult.Rejected($"an inject cannot be moved into the past (now is {JournalJson.Instant(Now)})");
        if (at is { } late && late > World.End) return DecisionResult.Rejected($"an inject cannot be moved past the end of the exercise ({JournalJson.Instant(World.End)})");
        var changed = current.Inject with { At = at ?? current.Inject.At, Title = title ?? current.Inject.Title, Text = text ?? current.Inject.Text };
        Record(new InjectEdited(injectId, changed.At, changed.Title));
        ScheduleInject(changed, current.Version + 1);
        return new DecisionResult(true, $"inject {injectId} now fires at {JournalJson.Instant(changed.At)}");
    }

    /// <summary>Fires an inject now, off the timeline (the trainer's on-demand inject). Conditions do not apply.</summary>
    private DecisionResult FireInjectOnDemand(string injectId)
    {
        EnsureStarted();
        var inject = _injects.TryGetValue(injectId, out var current) ? current.Inject : null;
        if (inject is null) return DecisionResult.Rejected($"no inject '{injectId}' in this scenario");
        if (_firedInjects.Contains(injectId)) return DecisionResult.Rejected($"inject '{injectId}' has already been delivered or skipped");
        FireInject(inject, onDemand: true);
        return new DecisionResult(true, $"inject {injectId} delivered");
    }
}
