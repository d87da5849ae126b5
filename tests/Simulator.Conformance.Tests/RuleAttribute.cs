namespace Simulator.Conformance.Tests;

/// <summary>
/// Names the catalogue rule a conformance test holds the engine to: an instrument and one of its elements, as
/// <see cref="CatalogueRules"/> lists them (e.g. "refusal-grounds/dual-criminality", "preconditions/both-parties",
/// "emergency-deadline"). The coverage test fails for a rule no test names, and for a name no rule has.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class RuleAttribute(string instrument, string element) : Attribute
{
    public string Instrument { get; } = instrument;
    public string Element { get; } = element;
}
