namespace Simulator.Core.Procedures;

/// <summary>Where a request stands. For preservation requests "produced" means the holder confirmed the data is frozen.</summary>
public enum RequestState
{
    Draft,
    Checked,
    /// <summary>Issued by an authority that needs validation (REG Art. 4(1)(b)): waiting for its judge or prosecutor before it is sent.</summary>
    AwaitingValidation,
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
    SeekValidation,
    Validate,
    /// <summary>Ex-post validation was refused or did not come in time (REG Art. 4(5)): the order is withdrawn wherever it stands.</summary>
    WithdrawUnvalidated,
    /// <summary>Its emergency ended while it was open, and only an emergency allowed it: it lapses wherever it stands (sunset).</summary>
    LapseWithEmergency,
}
