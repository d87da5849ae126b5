namespace Simulator.Core.World;

/// <summary>
/// The generated records an evidence item consists of (log lines, subscriber records, mail headers, payments),
/// and the SHA-256 of their canonical text, which custody follows from the holder to the requesting state.
/// </summary>
public sealed record SyntheticContent(string Kind, IReadOnlyList<string> Records, string Sha256);
