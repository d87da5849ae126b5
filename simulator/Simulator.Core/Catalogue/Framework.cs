namespace Simulator.Core.Catalogue;

/// <summary>A treaty, regulation or national law that instruments and states refer to by id.</summary>
public sealed record Framework(string Id, string Name, string Source, string? Note = null);
