using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Reports.Transparency;

/// <summary>One refusal as the journal records it: who refused what, on which ground, under which legal source.</summary>
public sealed record RefusalRecord(
    string Request,
    string Instrument,
    string Issuer,
    string RequestedState,
    string Provider,
    string Ground,
    string Description,
    string Source,
    string By,
    EventReference Event);

/// <summary>
/// The transparency report of one exercise, in the manner of providers' transparency reports: requests by
/// instrument and outcome, by issuing and requested state, refusal grounds with their legal sources, durations,
/// emergency use, preservation, provider cost; every refusal with its journal event; and the request timeline.
/// Built from a <see cref="Simulation"/> alone; the figures are the same <see cref="TransparencyTally"/> gives for one run.
/// </summary>
public sealed record TransparencyReport(
    string Kind,
    ExerciseHeader Exercise,
    TransparencyFigures Figures,
    IReadOnlyList<RefusalRecord> Refusals,
    IReadOnlyList<RequestSpan> Requests)
{
    public const string KindName = "transparency-report";

    public static TransparencyReport Build(Simulation simulation)
    {
        var tally = new TransparencyTally();
        tally.Add(simulation);
        var index = new JournalIndex(simulation.Journal.Entries);
        var refusals = index.Refused.Values.OrderBy(e => e.Sequence).Select(e =>
        {
            var r = (RequestRefused)e.Event;
            var d = index.Draft(r.Request);
            return new RefusalRecord(r.Request, d.Instrument, d.Issuer, d.RequestedState, d.Provider, r.Ground, r.Description, r.Source, r.By, EventReference.Of(e));
        }).ToList();
        return new TransparencyReport(KindName, ExerciseHeader.Of(simulation), tally.Figures(), refusals, RequestSpan.From(index));
    }
}
