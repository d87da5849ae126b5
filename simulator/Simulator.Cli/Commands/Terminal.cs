using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary>Data for Spectre.Console's markup: its brackets escaped, and its control characters made visible (<see cref="SafeTerminalWriter"/>).</summary>
internal static class Terminal
{
    public static string Markup(string text) => Spectre.Console.Markup.Escape(SafeTerminalWriter.Escape(text));
}
