namespace Simulator.Core.Catalogue;

/// <summary>How long a preservation holds, how it is extended, and whether a production request keeps it alive.</summary>
public sealed record PreservationTerms(
    LegalDuration Period,
    LegalDuration? Extension,
    int MaxExtensions,
    bool ContinuesPendingProduction,
    string ContinuationSource);
