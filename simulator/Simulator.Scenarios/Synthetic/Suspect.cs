namespace Simulator.Scenarios.Synthetic;

/// <summary>
/// One person behind the incident, as the data knows them. Every generated record draws on the same suspects, so
/// the IP in a hoster's log is the IP in a VPN's subscriber record and the wallet in the ransom note is the one
/// at the exchange.
/// </summary>
public sealed record Suspect(string Name, string Username, string Email, string Phone, string Address, string Ip, string Wallet, string UserAgent);
