namespace Simulator.Core.World;

/// <summary>
/// What was done, described as conduct so that dual criminality is judged on the conduct, not the label
/// (Budapest Art. 25(5)). <see cref="ByInformationSystem"/>: committed wholly or partly by means of an information
/// system, which some offence lists require (REG Art. 5(4)(b)); true unless a scenario says otherwise.
/// <see cref="PersonConnectedTo"/>: the states the person whose data is sought is a national or resident of, or is
/// located in; an order under a CLOUD Act agreement may not target such a person of the state it is served in
/// (18 USC 2523(b)(4)(A)-(B)). <see cref="ThreatEnds"/>: when the threat ends or is found unfounded, where the facts say
/// so; after it the incident shows no threat (<see cref="AfterThreatEnded"/>). <see cref="CommittedIn"/> and
/// <see cref="PersonResidesIn"/>: where the facts give the issuing authority reasonable grounds to believe the offence
/// was (wholly or partly) committed, and where the person whose data is sought resides (REG Art. 8(2)); unknown when null.
/// </summary>
public sealed record Offence(
    IReadOnlyList<string> Conducts,
    int MaxPenaltyYears,
    bool ThreatToLife,
    bool FundamentalRightsConcern,
    bool PrivilegedData,
    IReadOnlySet<string> AlreadyTriedIn,
    bool ByInformationSystem = true,
    IReadOnlySet<Threat>? Threats = null,
    IReadOnlySet<string>? PersonConnectedTo = null,
    ThreatEnd? ThreatEnds = null,
    IReadOnlySet<string>? CommittedIn = null,
    string? PersonResidesIn = null)
{
    /// <summary>Whether the facts place both the offence and the person whose data is sought in <paramref name="state"/> (REG Art. 8(2)(a)-(b)).</summary>
    public bool IsDomesticTo(string state) => (CommittedIn?.Contains(state) ?? false) && PersonResidesIn == state;

    /// <summary>The offence as it stands once its threat has ended or been found unfounded: no threat is left to claim an emergency on.</summary>
    public Offence AfterThreatEnded => this with { ThreatToLife = false, Threats = new HashSet<Threat>() };

    /// <summary>Whether the person whose data is sought is a national or resident of, or located in, <paramref name="state"/> (their residence counts too).</summary>
    public bool PersonIsOf(string state) => (PersonConnectedTo?.Contains(state) ?? false) || PersonResidesIn == state;

    /// <summary>Every threat the incident shows: its <see cref="Threats"/>, and life where <see cref="ThreatToLife"/> says so.</summary>
    public IReadOnlySet<Threat> Faces => ThreatToLife ? (Threats ?? new HashSet<Threat>()).Append(Threat.Life).ToHashSet() : Threats ?? new HashSet<Threat>();
}
