using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// The journals the engine writes under this rules version, pinned by their head hash: every shipped scenario under
/// every policy, seed 7, under the shipped catalogue and under the catalogue older exercises were made with
/// (scenarios/catalogue/history). A change to the engine that moves any journal of the older catalogue changes what
/// stored exercises and records replay to, so it must raise <see cref="RulesVersion.Current"/> (stored exercises then
/// say from which event they depart, instead of silently taking the new history) and pin the new heads here. A
/// change to the shipped catalogue moves only the shipped heads: exercises keep the catalogue text they pinned.
/// </summary>
public sealed class PinnedJournalTests
{
    private const long Seed = 7;

    /// <summary>scenario/policy → head of the journal (events, hash) under the shipped catalogue.</summary>
    private static readonly Dictionary<string, (int Events, string Head)> Shipped = new()
    {
        { "abuse-material-no-treaty/direct-orders-first", (401, "133458bd279d72eb81b215122768072f773efaefcbb72b497f676d483d64131c") },
        { "abuse-material-no-treaty/emergency-aware", (399, "caf27515874b52fc5b310727efaa36e413aebb7b07c493aebb99b1ed0ed25bb6") },
        { "abuse-material-no-treaty/everything-fastest", (420, "47d046bc609c6b6467cb061dd77d9449cf4b7221a41c73552c1c599d2a80e0f3") },
        { "abuse-material-no-treaty/mla-only", (160, "11e56f182b62f8b5eb9d363b047198125e9139366c7847c4cc7dfe0e71630488") },
        { "abuse-material-no-treaty/preserve-then-mla", (365, "9cd798cb57fc099112330baea320ae682e38533ed178aec67e4d8d492580290c") },
        { "bec-joint-investigation/direct-orders-first", (346, "ff169ed2cfccfc8e86818526c71e57aef5975db55082a9652c42684422e3a104") },
        { "bec-joint-investigation/emergency-aware", (346, "c7034f4cb247a06021cc5f302c34a224261003db1b27c9d24e2d5e7f707fb401") },
        { "bec-joint-investigation/everything-fastest", (360, "35296ee47bbc2f5cdee662c577a0a3995e3898c0d98df782d51a177bda545f5e") },
        { "bec-joint-investigation/mla-only", (155, "a468735dd0ca0eba2fd1a7f100a1cc9957d04f51595cd97d64a628ae4aa4d33e") },
        { "bec-joint-investigation/preserve-then-mla", (279, "591126357f3565e4f85c6e1a6c8e65725daf62dcd7c96eadd47bc93f41837b31") },
        { "ddos-for-hire-hops/direct-orders-first", (339, "28e6c176e45ffe26cca3262826c7db0422c8c3afe61281debaeb4fe3c78a21f6") },
        { "ddos-for-hire-hops/emergency-aware", (339, "6cf8468c0c88033f2a4b86b119ed2e3b3bb05f56150f9c20f504825ada8b95a7") },
        { "ddos-for-hire-hops/everything-fastest", (355, "4ec1b922f9230eae5cf44cd08f380e87b9d9b9b2800ebd1118461d7b12f1e2f5") },
        { "ddos-for-hire-hops/mla-only", (132, "0e8e923f7f4b4e2ebbac825929a16eab9d71a3443f83a4893a0746447852eace") },
        { "ddos-for-hire-hops/preserve-then-mla", (331, "02545754cfc02c12ab80536aa21636c836dba00f452550a0ea94b346ff44f5e1") },
        { "hospital-ransomware/direct-orders-first", (448, "ba1e5d55549d7e3824d828d19bdc03aacb82147ea99222e6e1d095f9fc9b4f50") },
        { "hospital-ransomware/emergency-aware", (448, "d6fc37141c22329245fd898332150c47c83295db54541801344c63f44c1a1636") },
        { "hospital-ransomware/everything-fastest", (469, "f6aa809483ab81c7cd91342cfbdab48130c786e6343d3156040d5b8ced02055b") },
        { "hospital-ransomware/mla-only", (204, "7a3a32566637c9451e9b67b491581302138f972c2a4800e453f83f31786576ea") },
        { "hospital-ransomware/preserve-then-mla", (383, "38a1ba4526cd9761b5057b5749ee126dcb8e7be39588b81d4ac8741a3a67cbe2") },
        { "political-intrusion-refusals/direct-orders-first", (680, "424e588325e83bf0a4421703bbe4330a200c831456921c6510edae64c3e3612e") },
        { "political-intrusion-refusals/emergency-aware", (677, "2f828f7e351fe7f741b55db1492fdc50c7e088b536ef5b634c1217f5c5093deb") },
        { "political-intrusion-refusals/everything-fastest", (715, "d07a06764323e65754375316a72821c241f3744418ab4fa0bd909595fdb904b4") },
        { "political-intrusion-refusals/mla-only", (350, "f9c1a9e748c54c65cf2f697691330f1caf986523155cb2e52ab00244f4fcf599") },
        { "political-intrusion-refusals/preserve-then-mla", (612, "e5501cc0b5b91ba2e54f2297cb29caa8fdf1b8ac2925d60db943965898496064") },
        { "sextortion-threat-to-life/direct-orders-first", (171, "90ea06846f3063d23a377c3ff949dbd91d42eb53ed227fdb7c680d9ae2c0db64") },
        { "sextortion-threat-to-life/emergency-aware", (203, "c0a7ab5479b1fdf774c726555ab0d29b28d9cdf07cc1a7af9d992ceec27c5d63") },
        { "sextortion-threat-to-life/everything-fastest", (214, "4fc924267b2050eda9d7d86fa324108abdae3a44c4c3d9d1b0a3a573e3a7c796") },
        { "sextortion-threat-to-life/mla-only", (104, "60bdbc62281f3000b1a57e1522d5c8a9cda703cff34947ba7254333c0f21ab49") },
        { "sextortion-threat-to-life/preserve-then-mla", (170, "368003e38830ff9552d620cb4c2c4c87f418091a60327a49342ee2158899c7a5") },
        { "simultaneous-ten-states/direct-orders-first", (1316, "3c83155029bc46a28a1fb2a523daa1a015f8b418ad8a3735480fe4afd3878926") },
        { "simultaneous-ten-states/emergency-aware", (1345, "b81054a8e52d76b9e09dfc06a8f034c1aa95fba59b3c5808dd92d8fa7d0daa5d") },
        { "simultaneous-ten-states/everything-fastest", (1411, "5a8a81fbc0cab72fb93abe625209d3b2a17848707af91054fb965ebe73c3cc7d") },
        { "simultaneous-ten-states/mla-only", (670, "82d12ed0b3c9ec48df33aece3f67a1fdb40312da0bf3235c24462fc24e26d5c6") },
        { "simultaneous-ten-states/preserve-then-mla", (1154, "1c0e62a7c74c7ec4196fdb3e07fe4377f0b6c219b25f25e994e39d49be6aa902") },
    };

    /// <summary>scenario/policy → head of the journal (events, hash) under the catalogue of 2026.12.1 (history).</summary>
    private static readonly Dictionary<string, (int Events, string Head)> BeforeIssue13 = new()
    {
        { "abuse-material-no-treaty/direct-orders-first", (384, "e396f8cd33b0b99808074a708ad3a913afe619a0ba1c4b969d9dc9975a0dc18a") },
        { "abuse-material-no-treaty/emergency-aware", (321, "c5869d17a2ba4e49fee51bff298ef0d5a6e5fa7dfb78121b866817958b911e68") },
        { "abuse-material-no-treaty/everything-fastest", (337, "f7c96a13b6ca25db46c244b369f1af104c748b3d8958e0713eb69e945c45f962") },
        { "abuse-material-no-treaty/mla-only", (136, "32b195a2a984154da5c318cdee6af3e7a6e74beb259d6290854b1ad4562010a5") },
        { "abuse-material-no-treaty/preserve-then-mla", (291, "547afe52c9ee0471ed2a7e87eab692da2d7c31a57dbd8bcb5442c8b4f4a6edd8") },
        { "bec-joint-investigation/direct-orders-first", (301, "55af494d1838438cf0b993fe23f51451a259fb781bfdf56288612a61a5bb9842") },
        { "bec-joint-investigation/emergency-aware", (301, "dbe766adac06ea4508b678dc5917b4f11b266735ae274c0e9a9a06677845d1f8") },
        { "bec-joint-investigation/everything-fastest", (315, "55ef7f582f81abfdcffd2960e82884a301b3f4758190d7ccf58695113ac6bde3") },
        { "bec-joint-investigation/mla-only", (155, "86f0baec9a0c35f2dfc289a8e76dcd2f5ce039b49da69a7ba7e6298aa92fc377") },
        { "bec-joint-investigation/preserve-then-mla", (279, "78ab6ead16a19ef103fa316730bfd83fff48ade618bc45b1dd0481519ed747be") },
        { "ddos-for-hire-hops/direct-orders-first", (281, "9d8076cf0aba02f6360c314e3fe668c303ce06742acbff62d30646dae607dd6a") },
        { "ddos-for-hire-hops/emergency-aware", (281, "f91022344fc2bf591a7df27ec79df887b33fcf222c826566896fd56d34720371") },
        { "ddos-for-hire-hops/everything-fastest", (295, "8802f0e10f22c32e3781c8e0a06541840151673b3b9ebdf5bf223086c3c29b65") },
        { "ddos-for-hire-hops/mla-only", (125, "9f2c06d30b270cc9c65705d59ae35fc8fd42fb3ed03f9c77ba7609a3aa2224f9") },
        { "ddos-for-hire-hops/preserve-then-mla", (314, "bd71de4ba91f61f1e3dea0054b9cb4ea3878be82846b53d5b8492449405e3e12") },
        { "hospital-ransomware/direct-orders-first", (384, "d0ca544d4676e024ba83d20c07c9237b6d0e8b959885a242d5cd016cbc4175bb") },
        { "hospital-ransomware/emergency-aware", (384, "1e679b07c20d9f22dd9acd87adfbe53472d4743356ecbcc347f1b7f6d1187b88") },
        { "hospital-ransomware/everything-fastest", (399, "ccd8c3754375ba59c200f59c39ed2bc40a4b1a7f205da60955e1555234d95cc6") },
        { "hospital-ransomware/mla-only", (183, "6395ae5e9f74558d143b46ef33c989cbee16b73e86d1b59c21f26dfa57a5e851") },
        { "hospital-ransomware/preserve-then-mla", (356, "d59ec9b8f7c263f4d1d7c71cc77c4c9fa94f263fdd8fc90d54654685673301c5") },
        { "political-intrusion-refusals/direct-orders-first", (643, "42a215d47c9e76beed14b6cc8f2eb1f98d788f866e3a51d6597236b146e59c8f") },
        { "political-intrusion-refusals/emergency-aware", (612, "5c7fd3aced3c5033674fa1259d606ce17069a77f7f49ca6f52a18376ace999f2") },
        { "political-intrusion-refusals/everything-fastest", (645, "a0a66dabeb1aeb490431f1192643c5f080e88f16fbfe093c1a47c6a5538c937b") },
        { "political-intrusion-refusals/mla-only", (308, "a1cf40a98700842f059db95ed2687752f9b28a4f257dbea0aa617ad73f9be0e0") },
        { "political-intrusion-refusals/preserve-then-mla", (539, "69addd84d8942e0202832302885febc76152cf75d6c4d03cb8846420eeebc89e") },
        { "sextortion-threat-to-life/direct-orders-first", (151, "f63d2254225902668f25b28634c7742107a52ae35496b962356719ecde099905") },
        { "sextortion-threat-to-life/emergency-aware", (111, "7a88156117b53278e969de4ed53c1e201c093b3decc7e0a5c557fd3878e82d85") },
        { "sextortion-threat-to-life/everything-fastest", (116, "1808b61fc0e832f15517692cb3bd97dda851bc0ae70f1fd4a6a83af96c946e0a") },
        { "sextortion-threat-to-life/mla-only", (80, "bfe197116d2ddc75303ce81c7690fcbe3836e9a28042e486c2d19f2d961dff8a") },
        { "sextortion-threat-to-life/preserve-then-mla", (147, "963ac8fd5a42799bb372df11ca1021a0c3709df4fc70727aebf9b5dd20a0bdf5") },
        { "simultaneous-ten-states/direct-orders-first", (1208, "a40fe4458cb360d983fa6f11f0c22a508ff753eb8a4fdebdfffe6c3ea72d8965") },
        { "simultaneous-ten-states/emergency-aware", (1164, "1d0dc6cbd0492377ce904f91fad31f4ff04c870c712021a9ac695b24d9dd8f59") },
        { "simultaneous-ten-states/everything-fastest", (1218, "38ea2458adf8aa14e5401aff754181943bb2d842f65da8407ce258be9869cc0c") },
        { "simultaneous-ten-states/mla-only", (566, "5eca3cc4b4de1a0e8f60b89b34e8e864eb87d773cb709a7bec622b649d379559") },
        { "simultaneous-ten-states/preserve-then-mla", (1022, "03751367e0d2d256f59fc927019a862fa29248c232bb6addf1d17d3477f5ca36") },
    };

    public static TheoryData<string, string, string> Runs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var catalogue in new[] { "shipped", "history-2026.12.1" })
            foreach (var file in Directory.GetFiles(RepositoryFiles.Scenarios(), "*.yaml").Order(StringComparer.Ordinal))
                foreach (var policy in PolicyCatalogue.All)
                    data.Add(catalogue, Path.GetFileNameWithoutExtension(file), policy.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_engine_writes_the_journals_pinned_for_its_rules_version(string catalogue, string scenario, string policy)
    {
        // The older catalogue's heads were pinned under 2026.12.1; 2026.12.2 changed only how seated states are played,
        // which headless runs (no seats) do not have, so they hold under both, and the exercises made then replay by
        // those rules (2026.12.3 changed the policies, 2026.12.4 the end's ratings, 2026.12.5 when offices answer, 2026.12.6 urgent marking by
        // the policies, 2026.12.7 ordering apart what a third country's law bars, all gated by version). The shipped
        // heads are of the current rules.
        Assert.Equal("2026.12.7", RulesVersion.Current);
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), scenario + ".yaml"));
        var (law, rules) = catalogue == "shipped" ? (CatalogueLoader.Shipped, RulesVersion.Current) : (CatalogueLoader.Pinning(CatalogueLoader.TextBeforePinning), "2026.12.2");
        var run = HeadlessRunner.Run(loaded, law, Seed, PolicyCatalogue.Get(policy, rules), rulesVersion: rules);
        var actual = (run.Journal.Entries.Count, run.Journal.LastHash);
        var heads = catalogue == "shipped" ? Shipped : BeforeIssue13;
        Assert.True(heads.TryGetValue($"{scenario}/{policy}", out var pinned), $"not pinned under {catalogue}: {{ \"{scenario}/{policy}\", ({actual.Count}, \"{actual.LastHash}\") }},");
        Assert.True(pinned == actual,
            $"{scenario} under {policy}, seed {Seed}: the journal now ends at ({actual.Count}, {actual.LastHash}), pinned ({pinned.Events}, {pinned.Head}) under rules " +
            $"version {RulesVersion.Current}. If the engine's rules changed on purpose, raise RulesVersion.Current and pin the new heads.");
    }
}
