namespace Simulator.Grains.Contracts;

// The entity grains keep their entity's state in grain storage (the records in EntityStates.cs). Reads take the
// caller's credential and check who may see the entity; Record is for the exercise grain, which sequences the
// exercise and records each entity's new state, in journal order, shortly after every step that changed it. Record
// answers false when it kept the state it had, because that one is newer (see EntityStamp).

/// <summary>
/// One state in one exercise (key "exerciseId/STATE"): its authorities, their queues and who plays them, and the
/// requests it sent and received. For the trainer, observers and that state's seats.
/// </summary>
public interface IJurisdictionGrain : IGrainWithStringKey
{
    Task<JurisdictionDesk> Desk(string credential);
    Task<bool> Record(JurisdictionDesk state);
}

/// <summary>
/// One service provider in one exercise (key "exerciseId/provider"): the data it holds, how long it keeps it, what
/// is preserved, and the requests its response team is handling. Providers are simulated: for the trainer and observers.
/// </summary>
public interface IProviderGrain : IGrainWithStringKey
{
    Task<ProviderHoldings> Holdings(string credential);
    Task<bool> Record(ProviderHoldings state);
}

/// <summary>
/// One incident's investigation in one exercise (key "exerciseId/incident"): its leads, the evidence behind them and
/// where each item stands, and the requests sent. For the trainer, observers and the investigating state's seats
/// (who see only the leads discovered so far).
/// </summary>
public interface IInvestigationGrain : IGrainWithStringKey
{
    Task<InvestigationStatus> Status(string credential);
    Task<bool> Record(InvestigationStatus state);
}
