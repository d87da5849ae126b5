using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>Evidence as it lives and decays: created, held under custody, warned of and lost to retention, found through leads.</summary>
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
        WantUsesOf(leadId);
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

    private void PurgeIfExposed(EvidenceState state, string reason)
    {
        if (state.Status == EvidenceStatus.Available && !state.IsHeld && state.Created)
            Lose(state, reason, StageOf(state));
    }
}
