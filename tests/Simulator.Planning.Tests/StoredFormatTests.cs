using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Planning.Replay;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Planning.Tests;

/// <summary>Exercise records written by earlier mains (tests/Fixtures) still replay, byte for byte.</summary>
public sealed class StoredFormatTests
{
    internal static string Fixture(string folder, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Fixtures", folder, file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"tests/Fixtures/{folder}/{file}");
    }

    [Fact]
    public void A_record_written_by_main_d3ed95b_replays_to_its_journal_byte_for_byte()
    {
        var record = ExerciseRecord.Read(Fixture("main-d3ed95b", "exercise-record.json"));
        Assert.Null(record.CatalogueText); // made before records pinned their law: replayed under the shipped catalogue
        Assert.Equal(8, record.Decisions.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"decision-{i}"), record.Decisions.Select(d => d.Id));
        Assert.Contains(record.Decisions, d => d.Decision is SendRequest { Particulars.Offence: "illegal access; system interference" });
        Assert.Contains(record.Decisions, d => d.Decision is EditInject { Inject: "belmark-poc-clarification" });
        Assert.Contains(record.Decisions, d => d.Decision is WithdrawRequest);

        var replay = Replayer.Rebuild(record);
        Assert.True(replay.Faithful, replay.Departure);
        Assert.All(replay.Decisions, d => Assert.True(d.Accepted, d.Message));
        Assert.Equal(record.Journal, replay.Journal);
        Assert.True(JournalVerifier.Verify(record.Journal).Valid);
    }

    [Fact]
    public void A_first_format_record_written_again_is_todays_format_and_still_replays()
    {
        var old = ExerciseRecord.Read(Fixture("main-d3ed95b", "exercise-record.json"));
        var text = old.ToJson();
        Assert.Contains($"\"format\": \"{ExerciseRecord.CurrentFormat}\"", text);
        var again = ExerciseRecord.Parse(text, "again.json");
        Assert.Equal(old.Decisions.Select(d => (d.Id, DecisionCodec.Write(d.Decision))), again.Decisions.Select(d => (d.Id, DecisionCodec.Write(d.Decision))));
        Assert.True(Replayer.Rebuild(again).Faithful);
    }

    [Fact]
    public void A_record_pins_the_catalogue_and_rules_it_was_made_with_and_replays_by_them()
    {
        var record = ExerciseRecord.Parse(ReplayTests.Recorded().ToJson(), "record.json");
        Assert.Equal(CatalogueLoader.ShippedText, record.CatalogueText);
        Assert.Equal(RulesVersion.Current, record.RulesVersion);
        // Another law in the pinned text (an EPOC deadline changed): the replay plays by the record's law, not the shipped one.
        var changed = record with { CatalogueText = record.CatalogueText!.Replace("Budapest Convention", "Budapest Convention (as pinned)") };
        Assert.Same(CatalogueLoader.Pinning(changed.CatalogueText!), Replayer.Catalogue(changed));
        Assert.NotSame(CatalogueLoader.Shipped, Replayer.Catalogue(changed));
        Assert.Same(CatalogueLoader.Shipped, Replayer.Catalogue(record));
    }

    [Fact]
    public void A_replay_that_departs_says_from_which_event_and_under_which_rules_each_was_made()
    {
        var record = ExerciseRecord.Parse(ReplayTests.Recorded().ToJson(), "record.json");
        var edited = record with { Journal = [.. record.Journal.Take(5), record.Journal[5].Replace("\"seq\":6", "\"seq\":6 "), .. record.Journal.Skip(6)] };
        Assert.Contains($"at event 6: both were made under rules version {RulesVersion.Current}, so the record itself was changed", Replayer.Rebuild(edited).Departure);
        var older = record with { RulesVersion = "2026.11.9", Journal = edited.Journal };
        Assert.Equal($"the replay departs from the recorded journal at event 6: the record was made under rules version 2026.11.9, and this is rules version {RulesVersion.Current}",
            Replayer.Rebuild(older).Departure);
    }

    [Fact]
    public void A_policy_taking_over_a_branch_of_an_older_record_plays_by_the_records_rules()
    {
        var old = ExerciseRecord.Read(Fixture("main-d3ed95b", "exercise-record.json")) with { RulesVersion = "2026.12.5" };
        var policy = Assert.IsAssignableFrom<PreferencePolicy>(Replayer.TakeOver(old, "direct-orders-first"));
        Assert.Equal("2026.12.5", policy.RulesVersion);
        Assert.Equal(RulesVersion.Current, Assert.IsAssignableFrom<PreferencePolicy>(Replayer.TakeOver(old with { RulesVersion = RulesVersion.Current }, "direct-orders-first")).RulesVersion);
    }
}
