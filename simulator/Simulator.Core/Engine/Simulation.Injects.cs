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
        var delivered = new InjectDelivered(inject.Id, inject.To, inject.Title, inject.ExpectedAction, onDemand);
        _deliveries.Add((Now, delivered));
        Record(delivered);
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
    private DecisionResult ChangeInject(EditInject edit)
    {
        var (injectId, at, title, text) = (edit.Inject, edit.At, edit.Title, edit.Text);
        EnsureStarted();
        if (!_injects.TryGetValue(injectId, out var current)) return DecisionResult.Rejected($"no inject '{injectId}' in this scenario");
        if (_firedInjects.Contains(injectId)) return DecisionResult.Rejected($"inject '{injectId}' has already been delivered or skipped: only pending injects can be edited");
        if (at is { } when && when < Now) return DecisionResult.Rejected($"an inject cannot be moved into the past (now is {JournalJson.Instant(Now)})");
        if (at is { } late && late > World.End) return DecisionResult.Rejected($"an inject cannot be moved past the end of the exercise ({JournalJson.Instant(World.End)})");
        if (edit.To is { } to && RecipientsProblem(to) is { } wrong) return DecisionResult.Rejected(wrong);
        var changed = current.Inject with
        {
            At = at ?? current.Inject.At, Title = title ?? current.Inject.Title, Text = text ?? current.Inject.Text,
            To = edit.To is { } recipients ? [.. recipients.Distinct()] : current.Inject.To,
            ExpectedAction = edit.ExpectedAction is null ? current.Inject.ExpectedAction : edit.ExpectedAction.Trim().Length == 0 ? null : edit.ExpectedAction.Trim(),
        };
        Record(new InjectEdited(injectId, changed.At, changed.Title, edit.To is null ? null : changed.To));
        ScheduleInject(changed, current.Version + 1);
        return new DecisionResult(true, $"inject {injectId} now fires at {JournalJson.Instant(changed.At)}");
    }

    /// <summary>Why these recipients cannot receive an inject (none, or a state or seat not in this scenario), or null.</summary>
    private string? RecipientsProblem(IReadOnlyList<string> to)
    {
        if (to.Count == 0) return "to: name at least one recipient, a state (AL) or a seat (AL/prosecutor)";
        var unknown = to.Where(t => !(Seat.TryParse(t, out var seat) ? World.HasJurisdiction(seat.Jurisdiction) : World.HasJurisdiction(t))).ToList();
        return unknown.Count == 0 ? null : $"to: no state or seat {string.Join(", ", unknown)} in this scenario (write AL or AL/prosecutor)";
    }

    /// <summary>The trainer adds an inject while the exercise runs: scheduled like the MSEL's, from now at the earliest.</summary>
    private DecisionResult AddAdHocInject(AddInject add)
    {
        if (string.IsNullOrWhiteSpace(add.Title) || add.Title.Length > Communications.MessageLimits.Subject)
            return DecisionResult.Rejected($"title: give the inject a title of 1 to {Communications.MessageLimits.Subject} characters");
        if (string.IsNullOrWhiteSpace(add.Text) || add.Text.Length > Communications.MessageLimits.Text)
            return DecisionResult.Rejected($"text: write the inject, in 1 to {Communications.MessageLimits.Text} characters");
        if (add.ExpectedAction?.Length > Communications.MessageLimits.Text) return DecisionResult.Rejected($"expectedAction: at most {Communications.MessageLimits.Text} characters");
        if (RecipientsProblem(add.To) is { } wrong) return DecisionResult.Rejected(wrong);
        if (add.At is { } when && when < Now) return DecisionResult.Rejected($"at: an inject cannot be added in the past (now is {JournalJson.Instant(Now)})");
        if (add.At is { } late && late > World.End) return DecisionResult.Rejected($"at: after the end of the exercise ({JournalJson.Instant(World.End)})");
        var id = $"adhoc-{_addedInjects.Count + 1:000}";
        var inject = new Inject(id, add.At ?? Now, [.. add.To.Distinct()], add.Title.Trim(), add.Text.Trim(),
            string.IsNullOrWhiteSpace(add.ExpectedAction) ? null : add.ExpectedAction.Trim(), null, new InjectEffects([], null, []));
        _addedInjects.Add(inject);
        Record(new InjectAdded(id, inject.At, inject.To, inject.Title));
        if (inject.At == Now) { _injects[id] = (inject, 0); FireInject(inject, onDemand: true); }
        else ScheduleInject(inject, 0);
        return new DecisionResult(true, $"inject {id} {(inject.At == Now ? "delivered" : $"added for {JournalJson.Instant(inject.At)}")}");
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
