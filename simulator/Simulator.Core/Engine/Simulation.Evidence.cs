using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>The decaying world: evidence appears, is discovered, frozen, copied or lost; injects change what people know.</summary>
public sealed partial class Simulation
{
    private void CreateEvidence(EvidenceItem item)
    {
        var state = _evidence[item.Id];
        state.Created = true;
        Record(new EvidenceCreated(item.Id, item.Lead, item.Holder, item.StoredIn, item.Category, item.CreatedAt, item.ExpiresAt, item.Content.Sha256, item.Content.Records.Count));
        RecordCustody(state, "held by the holder in its ordinary course of business", $"provider/{item.Holder}", null);
    }

    private void RecordCustody(EvidenceState state, string action, string holder, string? via)
    {
        var step = state.Custody.Record(_clock.Now, action, holder, state.Item.Content.Sha256, via);
        Record(new CustodyRecorded(state.Item.Id, step.Step, action, holder, step.ContentSha256, via, step.PreviousHash, step.Hash));
    }

    private void DiscoverLead(string leadId, string how)
    {
        if (!_discoveredLeads.Add(leadId)) return;
        var lead = World.Lead(leadId);
        var incident = World.Incident(lead.Incident);
        foreach (var item in World.EvidenceOf(leadId)) _evidence[item.Id].Discovered = true;
        Record(new LeadDiscovered(leadId, incident.Id, incident.Investigating, how));
        WithPolicy(incident.Investigating, (p, c) => p.OnLeadDiscovered(c, lead));
    }

    private void WarnRetention(string evidenceId)
    {
        var state = _evidence[evidenceId];
        if (state.Status != EvidenceStatus.Available || state.IsHeld || !state.Discovered) return;
        state.RetentionWarned = true;
        Record(new RetentionAtRisk(evidenceId, state.Item.ExpiresAt));
        WithPolicy(World.IncidentOf(state.Item).Investigating, (p, c) => p.OnRetentionAtRisk(c, state));
    }

    private void ExpireRetention(string evidenceId)
    {
        var state = _evidence[evidenceId];
        if (state.Status != EvidenceStatus.Available || state.IsHeld) return;
        var retention = DurationText.Format(state.Item.Retention);
        var why = state.Preservations.Count > 0 ? "its preservation had ended and nothing copied it" : "nothing froze or copied it in time";
        Lose(state, $"retention expired: {state.Item.Holder} keeps {Names.Kebab(state.Item.Category)} data {retention} and {why}", StageOf(state));
    }

    private void Lose(EvidenceState state, string reason, string stage)
    {
        state.Status = EvidenceStatus.Lost;
        state.LostAt = _clock.Now;
        state.LostReason = reason;
        state.LostStage = stage;
        Record(new EvidenceLost(state.Item.Id, reason, stage));
    }

    /// <summary>Where the effort to secure an item stood when it was lost: the furthest request covering it, or none.</summary>
    private string StageOf(EvidenceState state)
    {
        var open = _requests.Where(r => !r.Lifecycle.IsClosed && r.Items.Any(i => i.Id == state.Item.Id))
            .OrderByDescending(r => (int)r.State).FirstOrDefault();
        if (open is not null)
            return $"{open.Id} ({open.Instrument.Id}) {Names.Kebab(open.State)}{(open.Office is null ? "" : " at " + open.Office)}";
        var last = _requests.LastOrDefault(r => r.Items.Any(i => i.Id == state.Item.Id));
        if (last is not null)
            return last.State switch
            {
                RequestState.Refused => $"{last.Id} ({last.Instrument.Id}) refused: {last.RefusalGround}",
                RequestState.NothingFound => $"{last.Id} ({last.Instrument.Id}) found nothing, and no request followed",
                RequestState.Withdrawn => $"{last.Id} ({last.Instrument.Id}) withdrawn, and no request followed",
                _ => $"{last.Id} ({last.Instrument.Id}) {Names.Kebab(last.State)}, and no production request followed",
            };
        return state.Discovered ? "no request sent for it" : "its lead was not discovered yet";
    }

    private void FireInject(Inject inject, bool onDemand)
    {
        if (!_firedInjects.Add(inject.Id)) return;
        if (!onDemand && inject.Condition is { } condition && !ConditionHolds(condition, out var why))
        {
            Record(new InjectSkipped(inject.Id, why));
            return;
        }
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

    private void PurgeIfExposed(EvidenceState state, string reason)
    {
        if (state.Status == EvidenceStatus.Available && !state.IsHeld && state.Created)
            Lose(state, reason, StageOf(state));
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

    private bool IsPreservedThrough(string evidenceId, string instrumentId) =>
        _evidence[evidenceId].Preservations.Any(p => p.Instrument.Id == instrumentId && p.Lifecycle.Holds);

    private void Preserve(RequestRecord request, EvidenceState state)
    {
        var terms = request.Instrument.Preservation!;
        var id = $"pres-{_preservations.Count + 1:000}";
        var p = new PreservationRecord(id, request.Id, state.Item.Id, request.Instrument, terms);
        _preservations[id] = p;
        state.Preservations.Add(p);
        p.Lifecycle.Fire(PreservationTrigger.Confirm);
        p.Until = _clock.Now + terms.Period.Value;
        if (state.Status == EvidenceStatus.Available) state.Status = EvidenceStatus.Preserved;
        state.FirstPreservedAt ??= _clock.Now;
        Record(new PreservationStateChanged(id, request.Id, state.Item.Id, Names.Kebab(PreservationState.Requested), Names.Kebab(p.Lifecycle.State), p.Until));
        RecordCustody(state, $"frozen by the holder under {request.Instrument.Id}", $"provider/{state.Item.Holder}", request.Id);
        ScheduleLapse(p);
        // A production request may have reached the requested side before the freeze was confirmed (Art. 29(7)).
        if (terms.ContinuesPendingProduction && ConvertingRequestOpen(p))
        {
            p.Lifecycle.Fire(PreservationTrigger.Convert);
            Record(new PreservationStateChanged(id, request.Id, state.Item.Id, Names.Kebab(PreservationState.Active), Names.Kebab(p.Lifecycle.State), p.Until));
        }
    }

    private void ScheduleLapse(PreservationRecord p)
    {
        var version = ++p.Version;
        At(p.Until!.Value - Catalogue.Figures.PreservationExpiryWarning, () =>
        {
            if (p.Version != version || !p.Lifecycle.Holds || p.Lifecycle.State == PreservationState.Converted) return;
            if (_evidence[p.Evidence].IsCopied) return;
            Record(new PreservationExpiring(p.Id, p.Evidence, p.Until!.Value));
            var request = _requestsById[p.Request];
            WithPolicy(request.Issuer, (policy, c) => policy.OnPreservationExpiring(c, p));
        });
        At(p.Until!.Value, () =>
        {
            if (p.Version != version) return;
            LapseIfDue(p);
        });
    }

    private void LapseIfDue(PreservationRecord p)
    {
        if (!p.Lifecycle.Holds || _clock.Now < p.Until) return;
        // Budapest Art. 29(7): once a production request for the data is received, preservation continues
        // until a decision on it; the same holds for REG Art. 11(1) and a 2703(f) preservation pending process.
        if (p.Lifecycle.State == PreservationState.Converted && ConvertingRequestOpen(p)) return;
        var from = p.Lifecycle.State;
        p.Lifecycle.Fire(PreservationTrigger.Lapse);
        var state = _evidence[p.Evidence];
        Record(new PreservationStateChanged(p.Id, p.Request, p.Evidence, Names.Kebab(from), Names.Kebab(p.Lifecycle.State), p.Until));
        if (state.IsHeld || state.IsCopied || state.IsGone) return;
        if (_clock.Now >= state.Item.ExpiresAt)
            Lose(state, $"preservation {p.Id} ({p.Instrument.Id}) lapsed after the holder's retention had run out", StageOf(state));
        else
            state.Status = EvidenceStatus.Available;
    }

    private bool ConvertingRequestOpen(PreservationRecord p) =>
        _requests.Any(r => r.IsProduction && !r.Lifecycle.IsClosed && r.ReceivedAt is not null && r.Items.Any(i => i.Id == p.Evidence));

    /// <summary>A production request for preserved data has reached the requested side: the preservation holds until it is decided.</summary>
    private void ConvertPreservations(RequestRecord production)
    {
        foreach (var item in production.Items)
        {
            foreach (var p in _evidence[item.Id].Preservations.Where(p => p.Terms.ContinuesPendingProduction && p.Lifecycle.CanFire(PreservationTrigger.Convert)))
            {
                var from = p.Lifecycle.State;
                p.Lifecycle.Fire(PreservationTrigger.Convert);
                Record(new PreservationStateChanged(p.Id, p.Request, p.Evidence, Names.Kebab(from), Names.Kebab(p.Lifecycle.State), p.Until));
            }
        }
    }

    /// <summary>After a production request closes, preservations it kept alive are released or lapse.</summary>
    private void SettlePreservations(RequestRecord production)
    {
        foreach (var item in production.Items)
        {
            foreach (var p in _evidence[item.Id].Preservations.Where(p => p.Lifecycle.State == PreservationState.Converted).ToList())
            {
                if (_evidence[item.Id].IsCopied)
                {
                    p.Lifecycle.Fire(PreservationTrigger.Release);
                    Record(new PreservationStateChanged(p.Id, p.Request, p.Evidence, Names.Kebab(PreservationState.Converted), Names.Kebab(p.Lifecycle.State), p.Until));
                }
                else LapseIfDue(p);
            }
        }
    }

    private DecisionResult Extend(ExtendPreservation command)
    {
        if (!_preservations.TryGetValue(command.Preservation, out var p))
            return DecisionResult.Rejected($"no preservation '{command.Preservation}'");
        var request = _requestsById[p.Request];
        var (jurisdiction, _) = Seat.Parse(command.Actor);
        if (jurisdiction != request.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not extend {p.Id}: it was requested by {request.Issuer}");
        if (p.Terms.Extension is null)
            return DecisionResult.Rejected($"{p.Instrument.Id} allows no extension ({p.Instrument.LegalBasis})");
        if (!p.Lifecycle.CanExtend)
            return DecisionResult.Rejected(p.Lifecycle.Holds
                ? $"{p.Id} has used its {p.Lifecycle.MaxExtensions} extension(s)"
                : $"{p.Id} is {Names.Kebab(p.Lifecycle.State)} and can no longer be extended");
        var from = p.Lifecycle.State;
        p.Lifecycle.Fire(PreservationTrigger.Extend);
        p.Until = p.Until!.Value + p.Terms.Extension.Value;
        Record(new DecisionTaken(command.Actor, "extend-preservation", request.Id, p.Id));
        Record(new PreservationStateChanged(p.Id, p.Request, p.Evidence, Names.Kebab(from), Names.Kebab(p.Lifecycle.State), p.Until));
        ScheduleLapse(p);
        return new DecisionResult(true, $"{p.Id} extended until {JournalJson.Instant(p.Until.Value)}", request.Id);
    }
}
