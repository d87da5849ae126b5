using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// The end of an incident's threat, as its facts say (<see cref="Offence.ThreatEnds"/>, docs/safeguards.md): expedited
/// powers end when their condition ends (sunset). From then the rules see no threat, so no emergency may be claimed on
/// the incident; an emergency request not yet sent lapses, whatever its instrument (its issuer may send an ordinary
/// one), and one sent that only an emergency allowed lapses wherever it stands, its copies back with the holder (one
/// sent under an instrument with an ordinary procedure too, the EU production order, goes on as issued); and each emergency claim made
/// on the incident is reviewed against the facts: it held where the threat was real, and did not where there never was
/// one, which the trial at the end weighs (<see cref="Catalogue.TrialCondition.EmergencyClaimDidNotHold"/>).
/// </summary>
public sealed partial class Simulation
{
    private readonly HashSet<string> _threatsEnded = [];

    /// <summary>The offence as the facts now show it: no threat is left once it has ended or been found unfounded.</summary>
    public Offence OffenceNow(Incident incident) => _threatsEnded.Contains(incident.Id) ? incident.Offence.AfterThreatEnded : incident.Offence;

    private void ScheduleThreatEnds()
    {
        foreach (var incident in World.Incidents)
            if (incident.Offence.ThreatEnds is { } end)
                At(Max(end.At, World.Start), () => EndThreat(incident, end));
    }

    private void EndThreat(Incident incident, ThreatEnd end)
    {
        _threatsEnded.Add(incident.Id);
        var sunset = Catalogue.Sunset.Source;
        Record(new ThreatEnded(incident.Id, incident.Investigating, Names.Kebab(end.Found), end.Note, sunset));
        var held = end.Found == ThreatFinding.Ended;
        foreach (var r in _requests.Where(r => r.Emergency && r.EmergencyClaimHeld is null && World.IncidentOf(r.Items[0]).Id == incident.Id).ToList())
        {
            r.EmergencyClaimHeld = held;
            var unsent = r.State is RequestState.Draft or RequestState.Checked or RequestState.AwaitingValidation;
            var lapses = !r.Lifecycle.IsClosed && (unsent || r.Instrument.EmergencyOnly);
            var finding = held
                ? $"the threat was real when the emergency was claimed; it has since ended ({end.Note})"
                : $"there never was a threat ({end.Note}); the claim rested in good faith on what was known then";
            Record(new EmergencyClaimReviewed(r.Id, held, lapses, finding,
                r.Instrument.EmergencyDefinition is { } definition ? $"{definition.Name}: {definition.Source}" : sunset));
            if (lapses) LapseWithEmergency(r);
        }
        WithPolicy(incident.Investigating, (p, c) => p.OnThreatEnded(c, incident));
    }

    /// <summary>An emergency request not yet sent, or sent and allowed only in an emergency, open when the emergency ended: it lapses, and nothing more comes of it.</summary>
    private void LapseWithEmergency(RequestRecord r)
    {
        r.LapsedWithEmergency = true;
        Transition(r, RequestTrigger.LapseWithEmergency, r.IssuerSeat);
        ReturnCopies(r, $"{r.Id} lapsed when its emergency ended", $"{r.Id} lapsed with its emergency");
        Close(r);
    }
}
