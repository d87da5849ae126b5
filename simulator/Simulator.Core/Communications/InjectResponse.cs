namespace Simulator.Core.Communications;

/// <summary>What a seat gives in answer to an inject that asks for something other than a request.</summary>
public enum ResponseKind
{
    /// <summary>A status report, e.g. to a ministry.</summary>
    StatusReport,
    /// <summary>A line for the press, or a holding statement.</summary>
    PressLine,
    /// <summary>A decision taken (to pay or not, to let the victim rebuild, to notify a breach).</summary>
    Decision,
    /// <summary>Anything else the seat wants on record.</summary>
    Note,
}

/// <summary>A seat's answer to an inject, as the views and the reports show it.</summary>
public sealed record InjectResponse(string Id, string Inject, string By, ResponseKind Kind, string Text, DateTimeOffset At);
