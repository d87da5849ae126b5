namespace Simulator.Core.Policies;

/// <summary>
/// The routes the shipped policies and the after-action report's corrective actions choose from, in order of
/// preference (the first the catalogue's rules allow is taken). Ids of scenarios/catalogue/instruments.yaml.
/// </summary>
public static class InstrumentLists
{
    /// <summary>
    /// Every way to freeze data: by US preservation letter (a US-led case: 18 USC 2703(f) holds 180 days at most,
    /// where a generic domestic order would hold a year), at home, by EU preservation order, through the 24/7
    /// network, or asking the provider.
    /// </summary>
    public static readonly IReadOnlyList<string> Preservation =
        ["us-2703f-preservation", "domestic-preservation", "eu-epoc-pr", "budapest-art29-preservation", "eu-eio-provisional-measure", "provider-voluntary-preservation"];

    /// <summary>Preservation through the Budapest channels only: what a state that does not use the EU orders has.</summary>
    public static readonly IReadOnlyList<string> PreservationWithoutEuOrders = [.. Preservation.Where(i => i != "eu-epoc-pr")];

    /// <summary>The preservation order of the policies under rules before 2026.12.3, which stored exercises replay by.</summary>
    public static readonly IReadOnlyList<string> PreservationBefore2026_12_3 =
        ["domestic-preservation", "eu-epoc-pr", "budapest-art29-preservation", "us-2703f-preservation", "provider-voluntary-preservation"];

    /// <summary>As <see cref="PreservationWithoutEuOrders"/>, under rules before 2026.12.3.</summary>
    public static readonly IReadOnlyList<string> PreservationWithoutEuOrdersBefore2026_12_3 = [.. PreservationBefore2026_12_3.Where(i => i != "eu-epoc-pr")];

    /// <summary>The traditional route to the data: a domestic order at home, mutual legal assistance abroad, letters rogatory without a treaty.</summary>
    public static readonly IReadOnlyList<string> MlaProduction = ["domestic-production-order", "budapest-art31-mla", "bilateral-mla-treaty", "letters-rogatory"];

    /// <summary>Open sources first, then orders straight to the provider wherever a legal basis allows, then MLA as the fallback.</summary>
    public static readonly IReadOnlyList<string> DirectProduction =
        ["budapest-art32-trans-border-access", "domestic-production-order", "eu-epoc", "cloud-act-order", "budapest-2ap-art7-subscriber-order",
         "budapest-2ap-art8-giving-effect", "provider-voluntary-disclosure", "joint-investigation-team", "eu-eio", "budapest-art31-mla", "bilateral-mla-treaty", "letters-rogatory"];

    /// <summary>Where a life is at risk: the emergency channels, fastest first.</summary>
    public static readonly IReadOnlyList<string> Emergency =
        ["us-2702-emergency-disclosure", "eu-epoc", "budapest-2ap-art9-emergency-disclosure", "budapest-2ap-art10-emergency-mla"];
}
