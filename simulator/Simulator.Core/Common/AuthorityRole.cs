namespace Simulator.Core.Common;

/// <summary>The national authorities a trainee can play, and that the engine plays where no trainee does.</summary>
public enum AuthorityRole
{
    Investigator,
    Prosecutor,
    Judge,
    CentralAuthority,
    ContactPoint,
}
