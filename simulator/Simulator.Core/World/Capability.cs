namespace Simulator.Core.World;

/// <summary>How well resourced a state's authorities are; it scales their processing times (factors in the catalogue).</summary>
public enum Capability
{
    High,
    Medium,
    Low,
}
