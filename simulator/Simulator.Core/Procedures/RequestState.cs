namespace Simulator.Core.Procedures;

/// <summary>Where a request stands. For preservation requests "produced" means the holder confirmed the data is frozen.</summary>
public enum RequestState
{
    Draft,
    Checked,
    Sent,
    Received,
    UnderReview,
    AwaitingClarification,
    Approved,
    Refused,
    Executing,
    Produced,
    PartlyProduced,
    NothingFound,
    Delivered,
    Withdrawn,
}

public enum RequestTrigger
{
    Check,
    Send,
    Receive,
    StartReview,
    AskClarification,
    Clarify,
    Approve,
    FastTrack,
    Refuse,
    Execute,
    Produce,
    ProducePartly,
    FindNothing,
    Deliver,
    Withdraw,
    Escalate,
}
