namespace Simulator.Core.Decisions;

/// <summary>
/// What the reviewing officer of a requested state confirms before answering a request: the checks of a requested
/// state's review. An approval needs each check that applies confirmed; a refusal must not contradict what was
/// confirmed. The engine records the checklist beside the answer, with any confirmation the facts do not support.
/// </summary>
public enum ReviewCheck
{
    /// <summary>The conduct is an offence in the requested state too, where a dual-criminality ground is open to it.</summary>
    DualCriminality,
    /// <summary>The request is complete: authority, offence, facts, data sought, necessity.</summary>
    Complete,
    /// <summary>What is asked is necessary and proportionate to the offence.</summary>
    Proportionate,
    /// <summary>No refusal ground applies.</summary>
    NoGround,
}
