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
        { "abuse-material-no-treaty/direct-orders-first", (424, "7e5c356533b378dbc464a9f17f5ece98033101077166f91e6593697477c5b953") },
        { "abuse-material-no-treaty/emergency-aware", (425, "ccd4c5560786304703ed3b3c84af116321f116104d810f85e9bacefa25963c6e") },
        { "abuse-material-no-treaty/everything-fastest", (441, "8195e91fce89e94840950743db0773e64aaf249a925a23f1684de7c87c295e95") },
        { "abuse-material-no-treaty/mla-only", (165, "6f170e62cbcaf9ee4e2f3dc8290e722b4f6ff147b1cd5824e3cf0190098b28b2") },
        { "abuse-material-no-treaty/preserve-then-mla", (379, "99fae269b2b7b2e3d45acb9d8f8abeaedad004528f7621e447621a3f65fee47c") },
        { "bec-joint-investigation/direct-orders-first", (367, "c103799fb94cadb8e5d5be0c60320183af8cd4c0ed1ec55a3bce548ec7d032b5") },
        { "bec-joint-investigation/emergency-aware", (367, "e3e032d836002a11f09971e1e3adfddcf16f7f8300c5cf5bfd84820ebaf89115") },
        { "bec-joint-investigation/everything-fastest", (380, "778146bc69329bacbfc58644d2cac811677841e111c7b91f8d02d1884070f303") },
        { "bec-joint-investigation/mla-only", (162, "6ce2d2666323b823f89c0196b22f30cf7b4fce0d60eef8f9c0c966e1fd57c79a") },
        { "bec-joint-investigation/preserve-then-mla", (291, "31129ab64214b932140b2e4f031c9bca717ae52bf6a155fed19aae8cad09ec38") },
        { "ddos-for-hire-hops/direct-orders-first", (363, "0ae8340e3bfc25305f4dc200d0e44a24c843817cbbc915dbb4910339dbd9798d") },
        { "ddos-for-hire-hops/emergency-aware", (363, "e6db1ab138d762c06458cb5222c36d3d6365aef8ccfa4ee0f11110a9942d92d7") },
        { "ddos-for-hire-hops/everything-fastest", (375, "156336645973449674e08db61740ce59dba923850e49b2e38706d9955af14378") },
        { "ddos-for-hire-hops/mla-only", (137, "e8246afdf7a04b030390dae582f7e8abdc72bcb8558faa628f8d81edf6845d67") },
        { "ddos-for-hire-hops/preserve-then-mla", (345, "80854d5b76c6a1da2852c9e377b457dfe16f489dacc730e14037a44b279d502d") },
        { "hospital-ransomware/direct-orders-first", (480, "7d85757ea8ef1ab81cbb6ee561b0c92fd15b5629c56838b167b2b05dc798df80") },
        { "hospital-ransomware/emergency-aware", (480, "09b86bcb1a881d0903cbce0e08615159f2f6200c7af6b294d1b61b00f867cbe2") },
        { "hospital-ransomware/everything-fastest", (493, "ba619c76f03c1315707aae9ff94212c6cce408f437ead545b9c1bba227762f77") },
        { "hospital-ransomware/mla-only", (212, "31708735011bc221b51958d4c8ed99a12410610a6cb305bb544fc038196bacf4") },
        { "hospital-ransomware/preserve-then-mla", (400, "e98403db2aae26f72ceb02d5684c80e70fc68af60d3257427ba747eb86a2da7a") },
        { "political-intrusion-refusals/direct-orders-first", (718, "24eee22adb788265d65577c70536d04892af83186d0fac6cc9c20d1b0c051eae") },
        { "political-intrusion-refusals/emergency-aware", (715, "08abae00996de4f394a097825b4b30132674fa3bef17eb09c31e23bb8acf3fb5") },
        { "political-intrusion-refusals/everything-fastest", (748, "6eb7521a9fa073645649f72f0004876d3bc459eb31f199be0916497b53888719") },
        { "political-intrusion-refusals/mla-only", (362, "fd794155d78d34502203c83ee071f8281614c4b4efa882fe74f3f75a150a8220") },
        { "political-intrusion-refusals/preserve-then-mla", (629, "26a7abf1bcfd356c40f0b1df701672cc0aa71e28bdb88861d400efdf161fea7c") },
        { "sextortion-threat-to-life/direct-orders-first", (187, "1d238bec28de032e896fecaea4c9decb63fcbb74a83b5a16e614d48467a936d0") },
        { "sextortion-threat-to-life/emergency-aware", (215, "68fe2cecdd4e7cf5a40c1da7b316230cb7afe9b587032c3b14fb5fe590712d0c") },
        { "sextortion-threat-to-life/everything-fastest", (225, "cf5b49246b8fb448e5ff852e6ac690fcf54277c031844f9d8e35f7d021ae5d49") },
        { "fishing-expedition-refused/direct-orders-first", (133, "68ff504e339c32c739da081dfb0361954e3b97be5b200f04dcc34983a6161755") },
        { "fishing-expedition-refused/emergency-aware", (133, "c57363f6eadbfbee59ffa67bfd48079e29e88a48cad3f273ed96d2798a1b9545") },
        { "fishing-expedition-refused/everything-fastest", (94, "297927f0212bb32a783a61c4354ae5ce1c84ce17bdec28066cddefcbcc70ce4e") },
        { "fishing-expedition-refused/mla-only", (63, "65b45936445c75da169b0d195a89ff6720da1d011d8d9f97bc36db8cc351655a") },
        { "fishing-expedition-refused/preserve-then-mla", (80, "be19d046ed461fb220749c5dbdb9415b9199cf1da7e8358eb8aa4e9b9e6ecb9c") },
        { "hoax-threat-emergency/direct-orders-first", (78, "8c95a200def5ccea9a4f109b015a920950aa33dfb1c5561393d5ea25d7c30c4d") },
        { "hoax-threat-emergency/emergency-aware", (189, "b70f94d0d61a98e1d061cc1bac9d97059c7646bafdb6143f9d39b151125e0a9d") },
        { "hoax-threat-emergency/everything-fastest", (198, "21b7012b3f296e6aa594b3ee2588d6a8a119c6729d8b530a68cfe0a42f98217e") },
        { "hoax-threat-emergency/mla-only", (55, "b738c71467818a469e5554f3a7f6f11b8e6446eb23684fd69fbbc521e6631fa6") },
        { "hoax-threat-emergency/preserve-then-mla", (66, "1f133e76acc1c20420845f1e7e54b396c1b0622da6b5711cbba9dff71d08c44a") },
        { "sextortion-threat-to-life/mla-only", (108, "98918bc72000cf1c718919e9ccc035147dd6d02bbd49a8039d313fee8cb04d9b") },
        { "sextortion-threat-to-life/preserve-then-mla", (177, "e3304fd722ad4612cfda9c5ce97073feae026d59cd31ba71dc62cc80acab55e2") },
        { "simultaneous-ten-states/direct-orders-first", (1389, "37fe283dee2032335f8482014004ea84a19f107a70b4429e275594e683e836ce") },
        { "simultaneous-ten-states/emergency-aware", (1428, "909ef1921bb871370a964a1d040e71e08d78d5dfe6f31688248d1343c1df12b1") },
        { "simultaneous-ten-states/everything-fastest", (1480, "5738645a32568933b6cc2fca606f4ffbc40066aa15947198631be38fe5e66093") },
        { "simultaneous-ten-states/mla-only", (689, "499469763c65cfe34a5ea29055d11f6ec5fc91aab1654c06aaf8338bbff451bf") },
        { "simultaneous-ten-states/preserve-then-mla", (1195, "e85ff36c8fc14a8806be65dd7e4c396e2ee5632464c36155de5b5cf28917d129") },
    };

    /// <summary>scenario/policy → head of the journal (events, hash) under the catalogue of 2026.12.1 (history).</summary>
    private static readonly Dictionary<string, (int Events, string Head)> BeforeIssue13 = new()
    {
        { "abuse-material-no-treaty/direct-orders-first", (386, "96d5db01c620de909d22ddd76162265326633ad40365e2771a0fed4570fc118b") },
        { "abuse-material-no-treaty/emergency-aware", (323, "21a06b7a57c589a44e58d4a5b9da18934dbd7146ab75d9c8183100039c094492") },
        { "abuse-material-no-treaty/everything-fastest", (339, "76ece523966b27f536d15e51870e5b9cb865c4cb7872958477b77c538edc7988") },
        { "abuse-material-no-treaty/mla-only", (138, "dc4fb3d0021a4205df1ba23f4155b1d7a29f19f312fa4f3c080a9197a1c0e995") },
        { "abuse-material-no-treaty/preserve-then-mla", (293, "5d9cea67d471f02bc60f6d1a3be9692fbd6a7722cd96726804a534db6be17298") },
        { "bec-joint-investigation/direct-orders-first", (303, "347433c51c9c40926126397abdbe2f1deda32b1afaf60564fb31e98bf845a300") },
        { "bec-joint-investigation/emergency-aware", (303, "27c685e6c5011b8c013ade7a733ac564bc9c53147e5212045b5c7cebc26fad0a") },
        { "bec-joint-investigation/everything-fastest", (317, "6c5decd5c93e08a7b9a9a38bbf03d1b07c3cf6ad42626a3d97ae18bf7f39e519") },
        { "bec-joint-investigation/mla-only", (157, "07219bcd2e167e901e077cef6e5948e14c0dd04675157cbc340e3552453bf954") },
        { "bec-joint-investigation/preserve-then-mla", (281, "e2efc18e1691ade2b0bfdb6b047ba9e6e9d21d70c7c42188e0e242a8d592b22b") },
        { "ddos-for-hire-hops/direct-orders-first", (283, "6206c1a423e68b5a456c040aacaae60a170a976d2eb4981d1df13bbbd2eae3b0") },
        { "ddos-for-hire-hops/emergency-aware", (283, "1d6c5a3930d6f312a566ec7989264dd102c8353047403b501452cc5f4a5b342a") },
        { "ddos-for-hire-hops/everything-fastest", (297, "bfc0de11d233f6e09d3d6e0b09cfd6d31c79472c3d5304efbd295c3bdbe78d23") },
        { "ddos-for-hire-hops/mla-only", (127, "6a23adf0fbf7b99e2f91626a42acbb5500372c11847e45ad6d0ba13e6e81216c") },
        { "ddos-for-hire-hops/preserve-then-mla", (316, "e2f276b7c98fc7b8f646075f7cb86503c3927542cc4473cb2a4c45e22986a0b1") },
        { "hospital-ransomware/direct-orders-first", (386, "adaa6edafb863c039ce41b4a927f166db2e9b9b4c4989ba33e6ad9dc66460777") },
        { "hospital-ransomware/emergency-aware", (386, "40d1f9356d410d1cf1a6121d0950de60e4ff5c7a769493eb384f0e0ebcc22780") },
        { "hospital-ransomware/everything-fastest", (401, "dab6294e982fa2e9f5c7d18033d44d75a705bf232c15d82b19fd9deea2515b15") },
        { "hospital-ransomware/mla-only", (185, "17d3182d00074344f1d4668e6bd8d9fb1008e6bbd52549f510b7af12043ddbb1") },
        { "hospital-ransomware/preserve-then-mla", (358, "42aca31461c04dec0075ae42b5ae2f9771c49e8d07624346a497a8c358d2049a") },
        { "political-intrusion-refusals/direct-orders-first", (650, "242bb07aa599d0607bd25f60b1e6ffb90328a7353a1fe2b89dd3d180470ffda9") },
        { "political-intrusion-refusals/emergency-aware", (619, "2cd44de45bffbb8a21e04110315dead097a4bba58820e33416af926e3112962c") },
        { "political-intrusion-refusals/everything-fastest", (652, "83e39563ff305eeca12a45bde21030a7dba23cbe0624c9d921ffaebebbffa796") },
        { "political-intrusion-refusals/mla-only", (312, "e481b011ff072db8f3097878e170ceaebf46bf9493d46af0db56cea3a138a1af") },
        { "political-intrusion-refusals/preserve-then-mla", (544, "647b0cb33bace96f7ff1608291e7abe1ca18339d608f3f0c82bee658f44af84c") },
        { "sextortion-threat-to-life/direct-orders-first", (153, "dc6facbed3f76e838f9f2e30e2e2baabe86a645a736fb8b9c70b1887df86bbe4") },
        { "sextortion-threat-to-life/emergency-aware", (113, "5746f3005a27a1536b83ffe6182c4c0613aae285471f7684dd57f25844337b93") },
        { "sextortion-threat-to-life/everything-fastest", (118, "4096f25c1c4459d8a1f78c9d855f1998d7dae3c61af35187ccae54d9bd48cb6e") },
        { "fishing-expedition-refused/direct-orders-first", (79, "cff93c1d37a785f15d44c6fc496f2c00a84f58a71c0ab235fe09f90c5adca3b5") },
        { "fishing-expedition-refused/emergency-aware", (79, "ce8be1647abf2dff374682a4252b46455a649d9d60c8c46e15004d8be5d21a7f") },
        { "fishing-expedition-refused/everything-fastest", (83, "226a836e59cdb95d92436fdf6de698948cdab31bdf26ad5b07ad9d965868b311") },
        { "fishing-expedition-refused/mla-only", (60, "b8941e27f5493412f04280c9b4e677697bae036c1415724fc7694a19ae609183") },
        { "fishing-expedition-refused/preserve-then-mla", (79, "12ab76ef3873b8beee85d153be8969fb7ee13991ae30a991c4f5ebf6a995ff42") },
        { "hoax-threat-emergency/direct-orders-first", (66, "3c5f7f81b8b25458123c4cd471fb24b9cec2a7acb2feb5b0385b07e87d7fa8bc") },
        { "hoax-threat-emergency/emergency-aware", (141, "e4d7a34c0b5545207a512cf9491f1917bd9ef4cb99b266b1c4e198107dec31af") },
        { "hoax-threat-emergency/everything-fastest", (149, "146ba5ec5212a2b09a07203de790760ba80dd2ea68c1c43f2e127ad79bc0b1c5") },
        { "hoax-threat-emergency/mla-only", (41, "01a14b9571844ed64fa853c342bf9d0573600e3e528fcd77e862acb8f20c5292") },
        { "hoax-threat-emergency/preserve-then-mla", (66, "ad03d3a12564d0410f5066f6a1a6995f409f349d696a3ac1c4a65d1d4400d4fb") },
        { "sextortion-threat-to-life/mla-only", (82, "e1306d75cdf80f3e35f2090840c51e2147a115f4864fa16c74a0295253fba3e0") },
        { "sextortion-threat-to-life/preserve-then-mla", (149, "8eb1c09361311c8d6bbd4b1ec63abad2b6e23669067f34fd3d148e8aa03807a5") },
        { "simultaneous-ten-states/direct-orders-first", (1210, "ba493eb0989df8b63adbcb72831db433a92e9f3a82657585e6c4bec96bd59a74") },
        { "simultaneous-ten-states/emergency-aware", (1166, "fc3687267bcccc7971b302ede72ca80f5d4f1e311106e9cf1b1d39952eddd015") },
        { "simultaneous-ten-states/everything-fastest", (1220, "552c22fdba8a62bbb724101ae1537a97a51f56c93b087c6e505d76d3668fa466") },
        { "simultaneous-ten-states/mla-only", (568, "744030fa2e6bb39bebf470887df8f0df741c9feb6fbc0f09c34804c25f14b660") },
        { "simultaneous-ten-states/preserve-then-mla", (1024, "c3da5487fa389ec420724281547dac4d68050d45e07b7017b9d48436fae551f7") },
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
        // the policies, 2026.12.7 ordering apart what a third country's law bars, 2026.12.8 the trial at the end, 2026.12.9 orders in
        // default and their enforcement, 2026.12.10 informing the persons whose data orders obtained, all gated by version). The shipped heads are of the current rules.
        Assert.Equal("2026.12.13", RulesVersion.Current);
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
