using Simulator.Core.Engine;

namespace Simulator.Planning.Runs;

/// <summary>The figures of one run that a comparison sets side by side, run against run.</summary>
public sealed record RunMeasures(double SecuredShare, int Lost, double? HoursToPreservation, double? HoursToEvidence,
    double SecuredAndAdmissibleShare = 0, int ThirdPartyRecords = 0)
{
    public static RunMeasures Of(SimulationOutcome o)
    {
        static double? MeanHours(IEnumerable<TimeSpan?> times)
        {
            var values = times.Where(t => t is not null).Select(t => t!.Value.TotalHours).ToList();
            return values.Count == 0 ? null : values.Average();
        }
        return new RunMeasures(o.Summary.Evidence == 0 ? 0 : (double)o.Summary.Secured / o.Summary.Evidence, o.Summary.Lost,
            MeanHours(o.Evidence.Select(e => e.TimeToPreservation)), MeanHours(o.Evidence.Select(e => e.TimeToEvidence)),
            o.Summary.Evidence == 0 ? 0 : (double)o.Summary.SecuredAndAdmissible / o.Summary.Evidence, o.Rights?.ThirdPartyRecords ?? 0);
    }
}
