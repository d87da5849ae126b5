using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Reports.Communications;
using Simulator.Scenarios.Authoring;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Reports.Tests;

/// <summary>The debrief's log of messages, referrals and answers: in time order, and safe to open in a spreadsheet.</summary>
public sealed class CommunicationsLogTests
{
    [Fact]
    public void The_log_lists_messages_referrals_and_answers_in_time_order_and_neutralises_formulas_in_csv()
    {
        var built = WorldBuilder.Build(ReportRuns.Load("hospital-ransomware"), CatalogueLoader.Shipped, 3);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(3, new PreserveThenMlaPolicy(), new HashSet<string> { "AL/investigator", "AL/prosecutor" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start.AddHours(7));
        Assert.True(s.Decide(new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, "=HYPERLINK(\"http://x\")", "@subject")).Accepted);
        s.RunUntil(built.World.Start.AddHours(8));
        Assert.True(s.Decide(new Refer("AL/investigator", "hospital-report", "AL/prosecutor", "+1 yours")).Accepted);
        Assert.True(s.Decide(new RespondToInject("AL/investigator", "hospital-report", ResponseKind.Decision, "-keep the images")).Accepted);

        var log = CommunicationsLog.Of(s);
        Assert.Equal(["message", "referral", "response"], log.Select(l => l.Kind));
        Assert.Equal(log.OrderBy(l => l.At).Select(l => l.Id), log.Select(l => l.Id));
        var csv = CommunicationsLog.Csv(s);
        // What trainees typed never starts a written cell with a formula character (a spreadsheet shows it as text)...
        var written = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(l => l.Split(',')).Select(c => c.TrimStart('"'));
        Assert.All(written, cell => Assert.DoesNotMatch("^[=+\\-@]", cell));
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.Contains(",'@subject,", csv);
        // ...and reads back as the same text.
        var rows = CsvTable.Read(csv, "log.csv");
        Assert.Equal("kind", rows[0][0].Value);
        Assert.Equal("=HYPERLINK(\"http://x\")", rows[1][7].Value);
        Assert.Equal("@subject", rows[1][6].Value);
        Assert.Contains("\"kind\": \"response\"", CommunicationsLog.Json(s));
    }
}
