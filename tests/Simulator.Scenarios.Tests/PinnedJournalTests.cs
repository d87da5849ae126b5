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
        { "abuse-material-no-treaty/direct-orders-first", (384, "2dab3bb08f5e482d854c1d4a9f25289fa29fa530857ffce508656eff6f1d3d5c") },
        { "abuse-material-no-treaty/emergency-aware", (382, "ce87b352595d5cd38ed3e60baafb746f108b1ec2fb2cdb2850ca25e2a16c9184") },
        { "abuse-material-no-treaty/mla-only", (136, "32b195a2a984154da5c318cdee6af3e7a6e74beb259d6290854b1ad4562010a5") },
        { "abuse-material-no-treaty/preserve-then-mla", (291, "547afe52c9ee0471ed2a7e87eab692da2d7c31a57dbd8bcb5442c8b4f4a6edd8") },
        { "bec-joint-investigation/direct-orders-first", (301, "a6448fe0f78c1eaa8ed41adb10fde76d8bcd99340527eaa2973470a56fc84953") },
        { "bec-joint-investigation/emergency-aware", (301, "cba7905bddf80254ae9b9c725fd008ffa0b541fd5c3b41cc1c21e90f4fd8714c") },
        { "bec-joint-investigation/mla-only", (155, "86f0baec9a0c35f2dfc289a8e76dcd2f5ce039b49da69a7ba7e6298aa92fc377") },
        { "bec-joint-investigation/preserve-then-mla", (279, "78ab6ead16a19ef103fa316730bfd83fff48ade618bc45b1dd0481519ed747be") },
        { "ddos-for-hire-hops/direct-orders-first", (281, "8a7350072bdc0a20f2ccc5ef0f2c02cf553cf7565efe84fa9a99cf9958ae3614") },
        { "ddos-for-hire-hops/emergency-aware", (281, "f3031b58e65404e5c94c6f3e8ab7bbc718d847a036e5091dfd183b274afb77d0") },
        { "ddos-for-hire-hops/mla-only", (125, "9f2c06d30b270cc9c65705d59ae35fc8fd42fb3ed03f9c77ba7609a3aa2224f9") },
        { "ddos-for-hire-hops/preserve-then-mla", (314, "bd71de4ba91f61f1e3dea0054b9cb4ea3878be82846b53d5b8492449405e3e12") },
        { "hospital-ransomware/direct-orders-first", (381, "10798323a165e8dec90488eda43cb2bff984934ed16dfdc989a41480a6f967ab") },
        { "hospital-ransomware/emergency-aware", (381, "2d09ef33ab6c50f88cef72fd02b919ba735c0da7f3b2fd2af2367d3699d16b3e") },
        { "hospital-ransomware/mla-only", (183, "6395ae5e9f74558d143b46ef33c989cbee16b73e86d1b59c21f26dfa57a5e851") },
        { "hospital-ransomware/preserve-then-mla", (356, "d59ec9b8f7c263f4d1d7c71cc77c4c9fa94f263fdd8fc90d54654685673301c5") },
        { "political-intrusion-refusals/direct-orders-first", (643, "521049b9129da73b9b5c12a09d3173d06d40fea8217d04aad7c90e7735b08fd9") },
        { "political-intrusion-refusals/emergency-aware", (636, "7711c0cf0f11e008d02e3901afa9dc2b94164cccfc99fbbb4e36c0bf9d142453") },
        { "political-intrusion-refusals/mla-only", (308, "377cb5f2cfe618e0e671ee4f5f090379dc6621d903ceb48d1e24e343d278ff3f") },
        { "political-intrusion-refusals/preserve-then-mla", (539, "e1106d720b66c599540b7bbcb3dcbf52b6eb27792a6559abdddfb53d338907fe") },
        { "sextortion-threat-to-life/direct-orders-first", (151, "364634f84e9ec80c0753d2e0cccf1d50964b652ef4568782110295fb96b5f47c") },
        { "sextortion-threat-to-life/emergency-aware", (201, "9adc500d0e5bc493ffb7d625d402b3b3e03cdfc367765f95c62425e380195be9") },
        { "sextortion-threat-to-life/mla-only", (80, "bfe197116d2ddc75303ce81c7690fcbe3836e9a28042e486c2d19f2d961dff8a") },
        { "sextortion-threat-to-life/preserve-then-mla", (147, "963ac8fd5a42799bb372df11ca1021a0c3709df4fc70727aebf9b5dd20a0bdf5") },
        { "simultaneous-ten-states/direct-orders-first", (1208, "67ae1089309bb0462dd9ce87e34cebc9e274465cdf184c0bd1e797ad63b0a7ab") },
        { "simultaneous-ten-states/emergency-aware", (1237, "06d4f2136346d937af4649f30eb5bdc0da1d78ce2afec6626a0ef2dee3ee322c") },
        { "simultaneous-ten-states/mla-only", (566, "5eca3cc4b4de1a0e8f60b89b34e8e864eb87d773cb709a7bec622b649d379559") },
        { "simultaneous-ten-states/preserve-then-mla", (1022, "03751367e0d2d256f59fc927019a862fa29248c232bb6addf1d17d3477f5ca36") },
    };

    /// <summary>scenario/policy → head of the journal (events, hash) under the catalogue of 2026.12.1 (history).</summary>
    private static readonly Dictionary<string, (int Events, string Head)> BeforeIssue13 = new()
    {
        { "abuse-material-no-treaty/direct-orders-first", (384, "e396f8cd33b0b99808074a708ad3a913afe619a0ba1c4b969d9dc9975a0dc18a") },
        { "abuse-material-no-treaty/emergency-aware", (321, "c5869d17a2ba4e49fee51bff298ef0d5a6e5fa7dfb78121b866817958b911e68") },
        { "abuse-material-no-treaty/mla-only", (136, "32b195a2a984154da5c318cdee6af3e7a6e74beb259d6290854b1ad4562010a5") },
        { "abuse-material-no-treaty/preserve-then-mla", (291, "547afe52c9ee0471ed2a7e87eab692da2d7c31a57dbd8bcb5442c8b4f4a6edd8") },
        { "bec-joint-investigation/direct-orders-first", (301, "55af494d1838438cf0b993fe23f51451a259fb781bfdf56288612a61a5bb9842") },
        { "bec-joint-investigation/emergency-aware", (301, "dbe766adac06ea4508b678dc5917b4f11b266735ae274c0e9a9a06677845d1f8") },
        { "bec-joint-investigation/mla-only", (155, "86f0baec9a0c35f2dfc289a8e76dcd2f5ce039b49da69a7ba7e6298aa92fc377") },
        { "bec-joint-investigation/preserve-then-mla", (279, "78ab6ead16a19ef103fa316730bfd83fff48ade618bc45b1dd0481519ed747be") },
        { "ddos-for-hire-hops/direct-orders-first", (281, "9d8076cf0aba02f6360c314e3fe668c303ce06742acbff62d30646dae607dd6a") },
        { "ddos-for-hire-hops/emergency-aware", (281, "f91022344fc2bf591a7df27ec79df887b33fcf222c826566896fd56d34720371") },
        { "ddos-for-hire-hops/mla-only", (125, "9f2c06d30b270cc9c65705d59ae35fc8fd42fb3ed03f9c77ba7609a3aa2224f9") },
        { "ddos-for-hire-hops/preserve-then-mla", (314, "bd71de4ba91f61f1e3dea0054b9cb4ea3878be82846b53d5b8492449405e3e12") },
        { "hospital-ransomware/direct-orders-first", (384, "d0ca544d4676e024ba83d20c07c9237b6d0e8b959885a242d5cd016cbc4175bb") },
        { "hospital-ransomware/emergency-aware", (384, "1e679b07c20d9f22dd9acd87adfbe53472d4743356ecbcc347f1b7f6d1187b88") },
        { "hospital-ransomware/mla-only", (183, "6395ae5e9f74558d143b46ef33c989cbee16b73e86d1b59c21f26dfa57a5e851") },
        { "hospital-ransomware/preserve-then-mla", (356, "d59ec9b8f7c263f4d1d7c71cc77c4c9fa94f263fdd8fc90d54654685673301c5") },
        { "political-intrusion-refusals/direct-orders-first", (643, "42a215d47c9e76beed14b6cc8f2eb1f98d788f866e3a51d6597236b146e59c8f") },
        { "political-intrusion-refusals/emergency-aware", (612, "5c7fd3aced3c5033674fa1259d606ce17069a77f7f49ca6f52a18376ace999f2") },
        { "political-intrusion-refusals/mla-only", (308, "a1cf40a98700842f059db95ed2687752f9b28a4f257dbea0aa617ad73f9be0e0") },
        { "political-intrusion-refusals/preserve-then-mla", (539, "69addd84d8942e0202832302885febc76152cf75d6c4d03cb8846420eeebc89e") },
        { "sextortion-threat-to-life/direct-orders-first", (151, "f63d2254225902668f25b28634c7742107a52ae35496b962356719ecde099905") },
        { "sextortion-threat-to-life/emergency-aware", (111, "7a88156117b53278e969de4ed53c1e201c093b3decc7e0a5c557fd3878e82d85") },
        { "sextortion-threat-to-life/mla-only", (80, "bfe197116d2ddc75303ce81c7690fcbe3836e9a28042e486c2d19f2d961dff8a") },
        { "sextortion-threat-to-life/preserve-then-mla", (147, "963ac8fd5a42799bb372df11ca1021a0c3709df4fc70727aebf9b5dd20a0bdf5") },
        { "simultaneous-ten-states/direct-orders-first", (1208, "a40fe4458cb360d983fa6f11f0c22a508ff753eb8a4fdebdfffe6c3ea72d8965") },
        { "simultaneous-ten-states/emergency-aware", (1164, "1d0dc6cbd0492377ce904f91fad31f4ff04c870c712021a9ac695b24d9dd8f59") },
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
        // those rules (2026.12.3 changed the policies, 2026.12.4 the end's ratings, both gated by version). The shipped
        // heads are of the current rules.
        Assert.Equal("2026.12.4", RulesVersion.Current);
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
