using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Core.Tests.Engine;

/// <summary>The request's standard template (Budapest Art. 29(2)) as the console sends it, and checking before sending.</summary>
public class RequestTemplateTests
{
    private const string ContactPoint = "HO/contact-point", Investigator = "HO/investigator";
    private static readonly string[] HomeSeats = ["HO/investigator", "HO/prosecutor", "HO/judge", ContactPoint];
    private static readonly RequestParticulars Complete = new("illegal access", "ransomware beaconing to the C2 server", "the logs rotate within days");

    [Fact]
    public void An_incomplete_template_is_refused_naming_each_missing_field_and_its_article_and_nothing_is_recorded()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        var before = s.Journal.Entries.Count;
        var result = s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"], Particulars: new RequestParticulars("illegal access")));
        Assert.False(result.Accepted);
        Assert.Contains("facts: give a brief summary of the facts (Budapest Art. 29(2)(b))", result.Message);
        Assert.Contains("necessity:", result.Message);
        Assert.DoesNotContain("urgency:", result.Message);
        Assert.Equal(before, s.Journal.Entries.Count);

        // An emergency also needs its reason (Second Protocol Arts. 9, 10).
        Assert.Contains(Complete.Problems(emergency: true), p => p.StartsWith("urgency: an emergency request must say why"));
        Assert.Empty((Complete with { Urgency = "a patient's life support depends on the systems" }).Problems(emergency: true));
    }

    [Fact]
    public void The_standard_template_asks_what_Budapest_Art_29_2_asks_and_an_instruments_form_speaks_for_itself()
    {
        Assert.Equal([
            "offence: name the offence under investigation (Budapest Art. 29(2)(b))",
            "facts: give a brief summary of the facts (Budapest Art. 29(2)(b))",
            "necessity: say why these data are needed for the investigation (Budapest Art. 29(2)(e))",
            "urgency: an emergency request must say why a life or safety is at imminent risk (Second Protocol Arts. 9, 10)",
        ], new RequestParticulars().Problems(emergency: true));
        var form = new Simulator.Core.Catalogue.RequestTemplate("a form", new("O", "say o", "Art. 1"), new("F", "say f", "Art. 2"), new("N", "say n", "Art. 3"), new("U", "say u", "Art. 4"));
        Assert.Equal(["offence: say o (Art. 1)", "facts: say f (Art. 2)", "necessity: say n (Art. 3)", "urgency: say u (Art. 4)"], new RequestParticulars().Problems(emergency: true, template: form));
        Assert.Equal(("Offence", "Summary of the facts", "Necessity and proportionality", "Urgency"),
            (Simulator.Core.Catalogue.RequestTemplate.Default.Offence.Label, Simulator.Core.Catalogue.RequestTemplate.Default.Facts.Label,
             Simulator.Core.Catalogue.RequestTemplate.Default.Necessity.Label, Simulator.Core.Catalogue.RequestTemplate.Default.Urgency.Label));
        Assert.Equal("the standard request template", Simulator.Core.Catalogue.RequestTemplate.Default.Form);
    }

    [Fact]
    public void A_complete_template_travels_in_the_journal_and_a_policy_request_carries_none()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        Assert.True(s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"], Particulars: Complete)).Accepted);
        Assert.True(s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-subscriber"])).Accepted);
        var drafted = s.Journal.Entries.Select(e => e.Event).OfType<RequestDrafted>().ToList();
        Assert.Equal(Complete, drafted[0].Particulars);
        Assert.Null(drafted[1].Particulars);
        Assert.Contains("\"particulars\":{\"offence\":\"illegal access\"", System.Text.Encoding.UTF8.GetString(s.Journal.ToBytes()));
        Assert.Equal(Complete, s.Request("req-001")!.Particulars);
    }

    [Fact]
    public void Checking_a_draft_gives_the_same_verdict_as_sending_it_and_changes_nothing()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        var before = s.Journal.Entries.Count;
        var wrongRole = s.CheckDraft(new SendRequest(Investigator, "budapest-art29-preservation", ["c2-logs"], Particulars: Complete));
        Assert.False(wrongRole.CanSend);
        Assert.Equal(before, s.Journal.Entries.Count);
        var sent = s.Decide(new SendRequest(Investigator, "budapest-art29-preservation", ["c2-logs"], Particulars: Complete));
        Assert.False(sent.Accepted);
        Assert.Equal(string.Join("; ", wrongRole.Problems), sent.Message);

        var fine = s.CheckDraft(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"], Particulars: Complete));
        Assert.True(fine.CanSend);
        Assert.Equal(before, s.Journal.Entries.Count);
        Assert.True(s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"], Particulars: Complete)).Accepted);
        Assert.Throws<ArgumentException>(() => s.Advise("HO", ["no-such-item"], false));
    }
}
