namespace Simulator.Core.Catalogue;

/// <summary>What a requested state's reviewer does with a request broader than its facts support.</summary>
public enum ScopeRemedy
{
    /// <summary>Executes it for what the facts support only, and says what it cut: assistance granted in part.</summary>
    Narrow,
}

/// <summary>
/// The requested state's review of a request's scope on necessity and proportionality (<see cref="Rules.ScopeAssessment"/>):
/// MLA is executed under the requested state's law, whose conditions and safeguards limit a measure's scope
/// (Budapest Arts. 15(2), 25(4)); an executing authority may choose a less intrusive measure (Directive 2014/41/EU
/// Art. 10(3)). <see cref="Source"/> names the articles; <see cref="Unsure"/> where the remedy is the simulator's reading
/// of practice rather than the text's. An instrument without one (an order a provider executes) is not narrowed on the way:
/// its breadth is answered for afterwards.
/// </summary>
public sealed record ScopeReview(ScopeRemedy Remedy, string Source, bool Unsure = false);
