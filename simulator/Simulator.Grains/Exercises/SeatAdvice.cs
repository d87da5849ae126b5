using Simulator.Core.Decisions;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Rules;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What a seat sees before it acts: the instrument advisor for some evidence, and the check of a drafted request.
/// Both come from the same rules that judge the request when it is sent, so the console never disagrees with the engine.
/// </summary>
public static class SeatAdvice
{
    public static object Advise(string seat, IReadOnlyList<string> evidence, bool emergency, Simulation s)
    {
        var (state, role) = Seat.Parse(seat);
        IReadOnlyList<InstrumentAdvice> advice;
        try { advice = s.Advise(state, evidence, emergency); }
        catch (ArgumentException e) { throw new ExerciseException(e.Message); }
        return advice
            .OrderByDescending(a => a.Applicable && a.Issuers.Contains(role))
            .ThenByDescending(a => a.Applicable)
            .Select(a => new
            {
                instrument = a.Instrument.Id,
                name = a.Instrument.Name,
                legalBasis = a.Instrument.LegalBasis,
                summary = a.Instrument.Summary,
                purpose = Names.Kebab(a.Instrument.Purpose),
                applicable = a.Applicable,
                mayIssue = a.Applicable && a.Issuers.Contains(role),
                issuers = a.Issuers.Select(r => Names.Kebab(r)),
                requestedState = a.RequestedState,
                deadline = Deadline(a, emergency) is { } d ? DurationText.Format(d.Value) : null,
                deadlineSource = Deadline(a, emergency)?.Source,
                deadlineUnsure = Deadline(a, emergency)?.Unsure,
                supportsEmergency = a.Instrument.SupportsEmergency || a.Instrument.EmergencyOnly,
                conditions = a.Conditions.Select(c => new { condition = c.Condition, met = c.Met, source = c.Source, why = c.Why }),
                problems = a.Problems,
                refusalRisks = a.RefusalRisks,
            })
            .ToList();
    }

    private static Simulator.Core.Catalogue.LegalDuration? Deadline(InstrumentAdvice a, bool emergency) =>
        emergency ? a.Instrument.EmergencyDeadline ?? a.Instrument.ResponseDeadline : a.Instrument.ResponseDeadline;

    public static object Check(SendRequest draft, Simulation s)
    {
        var check = s.CheckDraft(draft);
        return new
        {
            canSend = check.CanSend,
            requestedState = check.RequestedState,
            provider = check.Provider,
            problems = check.Problems,
            conditions = check.Conditions.Select(c => new { condition = c.Condition, met = c.Met, source = c.Source, why = c.Why }),
            refusalRisks = check.RefusalRisks,
        };
    }
}
