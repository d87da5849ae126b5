using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// A deadline or period taken from a legal text, with where it comes from. <see cref="Unsure"/> marks a figure
/// not confirmed from the primary text: it stays configurable (scenario overrides, --catalogue) and is shown
/// as [UNSURE] wherever it is printed.
/// </summary>
public sealed record LegalDuration(TimeSpan Value, string Source, bool Unsure = false, CountedFrom From = CountedFrom.Sending)
{
    public override string ToString() => $"{DurationText.Format(Value)}{(From == CountedFrom.Receipt ? " from receipt" : "")} ({Source}){(Unsure ? " [UNSURE]" : "")}";
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
