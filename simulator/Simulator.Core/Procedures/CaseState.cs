using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum CaseState
{
    Queued,
    InProgress,
    Done,
}

public enum CaseTrigger
{
    Assign,
    Prioritise,
    Complete,
}

/// <summary>
/// One case in an office's queue: a central authority's MLA desk, a 24/7 contact point, a provider's
/// law-enforcement response team. Waiting, then worked on by one officer, then done. Prioritising (an
/// emergency, an escalation) moves it ahead of normal cases and shortens the work left.
/// </summary>
public sealed class QueueCase
{
    private readonly StateMachine<CaseState, CaseTrigger> _machine;

    public QueueCase(string id, bool priority, CaseState initial = CaseState.Queued)
    {
        Id = id;
        Priority = priority;
        State = initial;
        _machine = new StateMachine<CaseState, CaseTrigger>(() => State, s => State = s);
        _machine.Configure(CaseState.Queued)
            .Permit(CaseTrigger.Assign, CaseState.InProgress)
            .InternalTransitionIf(CaseTrigger.Prioritise, Always, MoveAhead, "moves ahead of normal cases");
        _machine.Configure(CaseState.InProgress)
            .Permit(CaseTrigger.Complete, CaseState.Done)
            .InternalTransitionIf(CaseTrigger.Prioritise, Always, MoveAhead, "moves ahead of normal cases");
    }

    private static bool Always(object[] _) => true;
    private void MoveAhead(StateMachine<CaseState, CaseTrigger>.Transition _) => Priority = true;

    public string Id { get; }
    public bool Priority { get; private set; }
    public CaseState State { get; private set; }
    public void Fire(CaseTrigger trigger) => _machine.Fire(trigger);
    public bool CanFire(CaseTrigger trigger) => _machine.CanFire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
