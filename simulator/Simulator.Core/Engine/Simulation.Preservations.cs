using Simulator.Core.Decisions;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>Preservations at the holder: frozen, lapsing on their dates, converted while production is pending, settled when it ends.</summary>
public sealed partial class Simulation
{
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
}
