namespace Simulator.Core.Catalogue;

public enum InstrumentPurpose
{
    /// <summary>Freeze data so it outlives the holder's retention; nothing is handed over.</summary>
    Preservation,
    /// <summary>Obtain the data itself, with custody.</summary>
    Production,
    /// <summary>Disclose enough traffic data to identify the next provider in the path (Budapest Art. 30).</summary>
    PathDisclosure,
}
