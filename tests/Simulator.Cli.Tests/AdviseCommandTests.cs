using System.Text.Json;

namespace Simulator.Cli.Tests;

/// <summary>`simulator advise`: the console's advisor on the command line, for a practitioner to audit.</summary>
public class AdviseCommandTests
{
    private static JsonElement Instrument(JsonElement advice, string holder, string id) =>
        advice.GetProperty("holders").EnumerateArray().Single(h => h.GetProperty("holder").GetString() == holder)
            .GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    [Fact]
    public void Advise_lists_per_holder_every_instrument_with_its_conditions_sources_and_where_it_goes()
    {
        var r = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var art29 = Instrument(doc.RootElement, "hostbay", "budapest-art29-preservation");
        Assert.True(art29.GetProperty("applicable").GetBoolean());
        Assert.Equal("BE", art29.GetProperty("requestedState").GetString());
        Assert.Contains(art29.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("source").GetString()!.Contains("ETS185 Art. 29(1)") && c.GetProperty("met").GetBoolean());
        var epoc = Instrument(doc.RootElement, "hostbay", "eu-epoc");
        Assert.False(epoc.GetProperty("applicable").GetBoolean());

        var text = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--evidence", "c2-flow-logs");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("YES  budapest-art29-preservation to BE", text.Out);
        Assert.Contains("met: both states party to budapest (ETS185 Art. 29(1))", text.Out);
    }

    [Fact]
    public void Advise_judges_the_office_and_the_emergency_it_is_given()
    {
        var asInvestigator = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--role", "investigator", "--evidence", "c2-flow-logs", "--json");
        Assert.Equal(0, asInvestigator.ExitCode);
        using var doc = JsonDocument.Parse(asInvestigator.Out);
        var art29 = Instrument(doc.RootElement, "hostbay", "budapest-art29-preservation");
        Assert.False(art29.GetProperty("applicable").GetBoolean());
        Assert.Contains(art29.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("an investigator may not issue budapest-art29-preservation"));

        // 18 USC 2702 gives content only to a US governmental entity: Aldoria gets Glimmer's records, not its messages.
        var content = CliProcess.Run("advise", "sextortion-threat-to-life", "--from", "AL", "--emergency", "--evidence", "glimmer-messages", "--json");
        using var emergency = JsonDocument.Parse(content.Out);
        var us2702 = Instrument(emergency.RootElement, "glimmer", "us-2702-emergency-disclosure");
        Assert.False(us2702.GetProperty("applicable").GetBoolean());
        Assert.Contains(us2702.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("AL is not party to us-sca"));
    }

    [Fact]
    public void Advise_judges_urgent_requests_by_the_instruments_that_have_urgent_handling()
    {
        var r = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--role", "prosecutor", "--urgent", "--evidence", "c2-flow-logs", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("urgent").GetBoolean());
        var mla = Instrument(doc.RootElement, "hostbay", "budapest-art31-mla");
        Assert.True(mla.GetProperty("applicable").GetBoolean());
        Assert.Contains(mla.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("condition").GetString() == "urgent: data particularly vulnerable to loss or modification"
            && c.GetProperty("source").GetString()!.StartsWith("ETS185 Art. 31(3)(a)") && c.GetProperty("met").GetBoolean());
        var art29 = Instrument(doc.RootElement, "hostbay", "budapest-art29-preservation");
        Assert.False(art29.GetProperty("applicable").GetBoolean());
        Assert.Contains(art29.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("budapest-art29-preservation has no urgent handling"));
    }

    [Fact]
    public void Advise_says_which_state_or_item_it_does_not_know()
    {
        var state = CliProcess.Run("advise", "hospital-ransomware", "--from", "XX");
        Assert.Equal(2, state.ExitCode);
        Assert.Contains("--from 'XX' is not a state of hospital-ransomware; states: AL", state.Error);
        var item = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--evidence", "nope");
        Assert.Equal(2, item.ExitCode);
        Assert.Contains("--evidence: unknown item(s) nope", item.Error);
        var role = CliProcess.Run("advise", "hospital-ransomware", "--from", "AL", "--role", "mayor");
        Assert.NotEqual(0, role.ExitCode);
        Assert.Contains("--role 'mayor' is not one of", role.Error + role.Out);
    }
}
