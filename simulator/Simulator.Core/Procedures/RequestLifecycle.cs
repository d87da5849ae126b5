using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

/// <summary>
/// The life of one request, whatever the instrument: drafted and checked at home, sent, received and reviewed
/// by the requested side (a central authority, a 24/7 contact point or the provider itself), possibly through
/// clarification loops, then approved or refused on a ground, executed by the holder and delivered.
/// Emergencies may skip the review queue (<see cref="RequestTrigger.FastTrack"/>); escalation keeps the state and
/// only raises the priority. An order by an authority that may issue it only with validation waits for it before it is
/// sent (REG Art. 4(1)(b)); one that went first in an emergency is withdrawn wherever it stands when validation is
/// refused afterwards (Art. 4(5)), and one only an emergency allowed lapses
/// wherever it stands when the emergency ends (<see cref="RequestTrigger.LapseWithEmergency"/>). The state lives outside the machine so a host can store and restore it.
/// </summary>
public sealed class RequestLifecycle
{
    private readonly StateMachine<RequestState, RequestTrigger> _machine;
    private readonly StateMachine<RequestState, RequestTrigger>.TriggerWithParameters<string> _refuse;

    public RequestLifecycle(bool emergency, RequestState initial = RequestState.Draft)
    {
        State = initial;
        Emergency = emergency;
        _machine = new StateMachine<RequestState, RequestTrigger>(() => State, s => State = s);
        _refuse = _machine.SetTriggerParameters<string>(RequestTrigger.Refuse);
        Configure();
    }

    public RequestState State { get; private set; }
    public bool Emergency { get; }
    public int Clarifications { get; private set; }
    public int Escalations { get; private set; }
    public string? RefusalGround { get; private set; }

    public bool IsClosed => State is RequestState.Delivered or RequestState.Refused or RequestState.NothingFound or RequestState.Withdrawn;

    public bool CanFire(RequestTrigger trigger) => _machine.CanFire(trigger);

    public void Fire(RequestTrigger trigger)
    {
        if (trigger == RequestTrigger.Refuse) throw new InvalidOperationException("Refuse needs a ground: call Refuse(ground).");
        _machine.Fire(trigger);
    }

    public void Refuse(string ground) => _machine.Fire(_refuse, ground);

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    // Named methods rather than lambdas: Stateless labels the exported diagram with them.
    private static bool Always(object[] _) => true;
    private void RaisePriority(StateMachine<RequestState, RequestTrigger>.Transition _) => Escalations++;
    private void CountClarification() => Clarifications++;
    private void RecordGround(string ground) => RefusalGround = ground;

    private void Configure()
    {
        _machine.Configure(RequestState.Draft)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Check, RequestState.Checked)
            .Permit(RequestTrigger.Withdraw, RequestState.Withdrawn);
        _machine.Configure(RequestState.Checked)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Send, RequestState.Sent)
            .Permit(RequestTrigger.SeekValidation, RequestState.AwaitingValidation)
            .Permit(RequestTrigger.Withdraw, RequestState.Withdrawn);
        // REG Art. 4(1)(b): the order goes out only once its state's judge or prosecutor has validated it; refused, it is not issued.
        _machine.Configure(RequestState.AwaitingValidation)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Validate, RequestState.Checked)
            .Permit(RequestTrigger.Withdraw, RequestState.Withdrawn);
        // Refuse is open until delivery: an enforcing state may object (REG Art. 12) whatever stage the order is at.
        _machine.Configure(RequestState.Sent)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Receive, RequestState.Received)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Withdraw, RequestState.Withdrawn)
            .InternalTransitionIf(RequestTrigger.Escalate, Always, RaisePriority, "moves to the priority lane");
        _machine.Configure(RequestState.Received)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.StartReview, RequestState.UnderReview)
            .PermitIf(RequestTrigger.FastTrack, RequestState.Approved, () => Emergency, "emergency")
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .InternalTransitionIf(RequestTrigger.Escalate, Always, RaisePriority, "moves to the priority lane");
        _machine.Configure(RequestState.UnderReview)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Approve, RequestState.Approved)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.AskClarification, RequestState.AwaitingClarification)
            .InternalTransitionIf(RequestTrigger.Escalate, Always, RaisePriority, "moves to the priority lane");
        _machine.Configure(RequestState.AwaitingClarification)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .OnEntry(CountClarification)
            .Permit(RequestTrigger.Clarify, RequestState.UnderReview)
            .Permit(RequestTrigger.Withdraw, RequestState.Withdrawn)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .InternalTransitionIf(RequestTrigger.Escalate, Always, RaisePriority, "moves to the priority lane");
        _machine.Configure(RequestState.Approved)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Execute, RequestState.Executing)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);
        _machine.Configure(RequestState.Executing)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Produce, RequestState.Produced)
            .Permit(RequestTrigger.ProducePartly, RequestState.PartlyProduced)
            .Permit(RequestTrigger.FindNothing, RequestState.NothingFound)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .InternalTransitionIf(RequestTrigger.Escalate, Always, RaisePriority, "moves to the priority lane");
        _machine.Configure(RequestState.Produced)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Deliver, RequestState.Delivered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);
        _machine.Configure(RequestState.PartlyProduced)
            .Permit(RequestTrigger.WithdrawUnvalidated, RequestState.Withdrawn)
            .Permit(RequestTrigger.LapseWithEmergency, RequestState.Withdrawn)
            .Permit(RequestTrigger.Deliver, RequestState.Delivered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);
        _machine.Configure(RequestState.Refused)
            .OnEntryFrom(_refuse, RecordGround);
    }
}
