using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// A deadline or period taken from a legal text, with where it comes from. <see cref="Unsure"/> marks a figure
/// not confirmed from the primary text: it stays configurable (scenario overrides, --catalogue) and is shown
/// as [UNSURE] wherever it is printed. <see cref="InHours"/>: the law expresses it in hours (or minutes), which
/// the rules on periods count apart from days (1182/71 Art. 3(2)(a), 3(4)): 24h is not 1d to them.
/// </summary>
public sealed record LegalDuration(TimeSpan Value, string Source, bool Unsure = false, CountedFrom From = CountedFrom.Sending,
    PeriodCounting Counting = PeriodCounting.Exact, bool InHours = false)
{
    /// <summary>Where the period starting at <paramref name="from"/> ends, counted on <paramref name="calendar"/>.</summary>
    public DateTimeOffset EndsFrom(DateTimeOffset from, World.WorkingCalendar calendar) => World.LegalPeriods.End(from, Value, Counting, calendar, InHours);

    public override string ToString() => $"{(InHours ? DurationText.FormatInHours(Value) : DurationText.Format(Value))}{(From == CountedFrom.Receipt ? " from receipt" : "")}{Counting switch
    {
        PeriodCounting.EuPeriods => ", counted as Regulation 1182/71 counts periods",
        PeriodCounting.RequestedStateLaw => ", counted as the requested state's law counts periods",
        PeriodCounting.EuWorkingDays => " (working days), counted as Regulation 1182/71 counts periods of working days",
        _ => "",
    }} ({Source}){(Unsure ? " [UNSURE]" : "")}";
}

/// <summary>
/// How a period's end is counted. Catalogues written before this was data count every period from the instant, and
/// still do (<see cref="Exact"/>).
/// </summary>
public enum PeriodCounting
{
    /// <summary>The length from the instant the period starts, weekends and nights included.</summary>
    Exact,
    /// <summary>
    /// Regulation (EEC, Euratom) 1182/71 Art. 3, the EU's rules on periods: the day (or hour) of the event is not
    /// counted, a period of days ends with the last hour of its last day, and one whose last day is a Saturday,
    /// Sunday or holiday ends with the following working day (Art. 3(4), not for periods of hours).
    /// </summary>
    EuPeriods,
    /// <summary>
    /// The requested state's own law (an instrument that sets a period but leaves its counting to the Party applying
    /// it): days from the next day to the end of the last, carried past a day off; or only working days where the
    /// state's law counts them (<see cref="World.WorkingCalendar.CountsWorkingDays"/>). Periods of hours run from the instant.
    /// </summary>
    RequestedStateLaw,
    /// <summary>
    /// A period expressed in working days under Regulation 1182/71 (Art. 3(3): Saturdays, Sundays and holidays count
    /// unless the period is expressed in working days): only the state's working days are counted, from the day after
    /// the event, to the end of the last (REG 2023/1543 Art. 16(2): five working days to recognise an order).
    /// </summary>
    EuWorkingDays,
}

/// <summary>
/// When a period starts to run. The law counts most deadlines from receipt (REG Art. 10: "following receipt of the
/// EPOC"); catalogues written before this was data counted every period from sending, and still do.
/// </summary>
public enum CountedFrom
{
    Sending,
    Receipt,
}
