namespace Simulator.Grains.Contracts;

/// <summary>
/// One state in one exercise (key "exerciseId/STATE"): its authorities, their queues and who plays them, and the
/// requests it sent and received. For the trainer, observers and that state's seats.
/// </summary>
public interface IJurisdictionGrain : IGrainWithStringKey
{
    Task<string> Desk(string credential);
}

/// <summary>
/// One service provider in one exercise (key "exerciseId/provider"): the data it holds, how long it keeps it, what
/// is frozen, and the requests its response team is handling. Providers are simulated: for the trainer and observers.
/// </summary>
public interface IProviderGrain : IGrainWithStringKey
{
    Task<string> Holdings(string credential);
}

/// <summary>
/// One incident's investigation in one exercise (key "exerciseId/incident"): its leads, the evidence behind them and
/// where each item stands, and the requests sent. For the trainer, observers and the investigating state's seats.
/// </summary>
public interface IInvestigationGrain : IGrainWithStringKey
{
    Task<string> Status(string credential);
}
