using Simulator.Core.Catalogue;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>One preservation of one item at its holder, through one request.</summary>
public sealed class PreservationRecord(string id, string request, string evidence, Instrument instrument, PreservationTerms terms)
{
    public string Id { get; } = id;
    public string Request { get; } = request;
    public string Evidence { get; } = evidence;
    public Instrument Instrument { get; } = instrument;
    public PreservationTerms Terms { get; } = terms;
    public PreservationLifecycle Lifecycle { get; } = new(terms.Extension is null ? 0 : terms.MaxExtensions);
    public DateTimeOffset? Until { get; set; }
    public int Version { get; set; }
}
