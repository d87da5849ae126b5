using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// A deadline or period taken from a legal text, with where it comes from. <see cref="Unsure"/> marks a figure
/// not confirmed from the primary text: it stays configurable (scenario overrides, --catalogue) and is shown
/// as [UNSURE] wherever it is printed.
/// </summary>
public sealed record LegalDuration(TimeSpan Value, string Source, bool Unsure = false)
{
    public override string ToString() => $"{DurationText.Format(Value)} ({Source}){(Unsure ? " [UNSURE]" : "")}";
}
