namespace Simulator.Scenarios.Diagnostics;

/// <summary>One problem in a file, where it is, and a hint how to fix it. Printed as <c>file:line:column: message</c>.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}{(Hint is null ? "" : $" (hint: {Hint})")}";
}
