using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// What people say besides requests: messages on channels that fit the domain, each with its delay and the law's
/// limits on who uses it; the engine's acknowledgements for the offices it plays; referrals within a state; answers
/// to injects and the objectives that measure them. All of it journalled and deterministic.
/// </summary>
public sealed class CommunicationsTests
{
    private static readonly HashSet<string> Seats = ["AL/investigator", "AL/prosecutor", "AL/contact-point"];

    private static Simulation Start(Action<ScenarioFile>? change = null, IReadOnlySet<string>? seats = null, Func<SimulationOptions, SimulationOptions>? options = null)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));
        change?.Invoke(scenario.File);
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 7);
        var played = new SimulationOptions(7, new PreserveThenMlaPolicy(), seats ?? Seats, PolicyPlaysSeatedStates: true);
        var s = new Simulation(built.World, built.Catalogue, options?.Invoke(played) ?? played);
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(7)); // the hospital's report (6h) has reached the investigator
        return s;
    }

    private static DecisionResult Accepted(Simulation s, Decision d)
    {
        var result = s.Decide(d);
        Assert.True(result.Accepted, result.Message);
        return result;
    }

    [Fact]
    public void A_24_7_call_reaches_a_foreign_point_of_contact_after_the_channels_delay_and_the_engine_confirms_receipt()
    {
        var s = Start();
        var sentAt = s.Now;
        Accepted(s, new SendMessage("AL/contact-point", "DR/contact-point", MessageChannel.ContactPointNetwork, "We will send an Art. 29 request for Postlane's logs within the hour."));
        var message = Assert.Single(s.Messages);
        Assert.False(message.Delivered);
        var delay = message.DeliversAt - sentAt;
        Assert.InRange(delay, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)); // Dravonia's point of contact works around the clock
        s.RunUntil(message.DeliversAt);
        Assert.True(message.Delivered);
        // Dravonia's offices are the engine's: its point of contact confirms on the same network, after the same kind of delay.
        var reply = s.Messages[1];
        Assert.Equal(("DR/contact-point", "AL/contact-point", message.Id), (reply.From.Name, reply.To.Name, reply.InReplyTo));
        Assert.Contains("Art. 29", reply.Text);
        s.RunUntil(reply.DeliversAt);
        var types = s.Journal.Entries.Select(e => e.Type).Where(t => t.StartsWith("Message", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MessageSent", "MessageDelivered", "MessageSent", "MessageDelivered"], types);
    }

    [Fact]
    public void A_point_of_contact_that_keeps_office_hours_reads_the_call_at_its_next_opening()
    {
        var s = Start();
        s.RunUntil(s.World.Start + TimeSpan.FromHours(16)); // night in Belmark
        var belmark = s.World.Jurisdiction("BE").Calendar;
        Assert.False(belmark.IsOpen(s.Now));
        Accepted(s, new SendMessage("AL/contact-point", "BE/contact-point", MessageChannel.ContactPointNetwork, "Urgent: please preserve 198.51.100.23."));
        var message = Assert.Single(s.Messages);
        Assert.Equal(belmark.NextOpening(s.Now), message.DeliversAt); // the call itself connects in minutes, still at night
        Assert.True(message.DeliversAt - s.Now > TimeSpan.FromHours(1), $"delivered at {message.DeliversAt:u}");
    }

    [Theory]
    [InlineData("AL/investigator", "DR/contact-point", MessageChannel.ContactPointNetwork, "channel: a 24/7 network call runs between the 24/7 points of contact")]
    [InlineData("AL/investigator", "DR/central-authority", MessageChannel.OfficialLetter, "central authorities of two states")]
    [InlineData("AL/investigator", "DR/prosecutor", MessageChannel.Phone, "offices of one state")]
    [InlineData("AL/investigator", "ZZ/judge", MessageChannel.SecureEmail, "to: no office or provider 'ZZ/judge'")]
    [InlineData("AL/investigator", "AL/investigator", MessageChannel.Phone, "does not write to itself")]
    public void A_channel_carries_only_what_it_is_for(string from, string to, MessageChannel channel, string expected)
    {
        var s = Start();
        var result = s.Decide(new SendMessage(from, to, channel, "Hello"));
        Assert.False(result.Accepted);
        Assert.Contains(expected, result.Message);
        Assert.Empty(s.Messages);
        Assert.DoesNotContain(s.Journal.Entries, e => e.Event is MessageSent);
    }

    [Fact]
    public void Empty_or_overlong_messages_and_unknown_subjects_are_refused_with_the_field()
    {
        var s = Start();
        Assert.StartsWith("text:", s.Decide(new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, " ")).Message);
        Assert.StartsWith("text:", s.Decide(new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, new string('x', MessageLimits.Text + 1))).Message);
        Assert.StartsWith("about:", s.Decide(new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, "see this", About: "press-inquiry")).Message); // not delivered yet
        Assert.StartsWith("inReplyTo:", s.Decide(new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, "yes", InReplyTo: "msg-001")).Message);
        Assert.Empty(s.Messages);
    }

    [Fact]
    public void A_point_of_contact_the_engine_plays_asked_about_a_request_says_where_it_stands()
    {
        var s = Start();
        var id = Accepted(s, new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Request!;
        Accepted(s, new SendMessage("AL/contact-point", "BE/contact-point", MessageChannel.ContactPointNetwork, "Did our preservation request arrive?", About: id));
        s.RunUntil(s.Messages[0].DeliversAt);
        var first = s.Messages[1];
        Assert.Equal((s.Messages[0].Id, id), (first.InReplyTo, first.About));
        Assert.Contains("Belmark's 24/7 point of contact: received.", first.Text);
        Assert.Contains($"On {id} (budapest-art29-preservation): ", first.Text);

        // A day later the request has reached Belmark and moved on: the answer says so, not "not reached us yet".
        s.RunUntil(s.Now + TimeSpan.FromDays(1));
        Assert.NotEqual(Simulator.Core.Procedures.RequestState.Sent, s.Request(id)!.State);
        Accepted(s, new SendMessage("AL/contact-point", "BE/contact-point", MessageChannel.ContactPointNetwork, "And now?", About: id));
        var asked = s.Messages[^1];
        s.RunUntil(asked.DeliversAt);
        var second = s.Messages[^1];
        Assert.Equal(asked.Id, second.InReplyTo);
        Assert.Contains($"On {id} (budapest-art29-preservation): ", second.Text);
        Assert.DoesNotContain("has not reached us yet", second.Text);
    }

    [Fact]
    public void A_point_of_contact_waiting_for_clarification_repeats_its_question_when_asked_about_the_request()
    {
        // Every reviewer asks for clarification, so Belmark's engine-played point of contact will.
        var text = CatalogueLoader.ShippedText.Replace("    high: 0.1\n    medium: 0.2\n    low: 0.35\n", "    high: 1\n    medium: 1\n    low: 1\n");
        Assert.NotEqual(CatalogueLoader.ShippedText, text);
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml")), CatalogueLoader.Parse(text, "questioning.yaml"), 7);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(7, new PreserveThenMlaPolicy(), Seats));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(7));
        var id = Accepted(s, new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Request!;
        for (var i = 0; i < 500 && s.Request(id)!.State != Simulator.Core.Procedures.RequestState.AwaitingClarification; i++) s.RunUntil(s.Now + TimeSpan.FromHours(1));
        Assert.Equal(Simulator.Core.Procedures.RequestState.AwaitingClarification, s.Request(id)!.State);
        var question = s.Journal.Entries.Select(e => e.Event).OfType<ClarificationRequested>().Last(c => c.Request == id).Question;

        Accepted(s, new SendMessage("AL/contact-point", "BE/contact-point", MessageChannel.ContactPointNetwork, "Where is our request?", About: id));
        var asked = s.Messages[^1];
        s.RunUntil(asked.DeliversAt);
        Assert.Contains($"On {id} (budapest-art29-preservation): we are waiting for your answer to our question: {question}", s.Messages[^1].Text);
    }

    [Fact]
    public void Under_rules_before_2026_12_4_the_reply_is_the_acknowledgement_alone()
    {
        Assert.False(RulesVersion.RepliesFollowTheCase("2026.12.3"));
        var s = Start(options: o => o with { RepliesFollowTheCase = false });
        var id = Accepted(s, new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Request!;
        Accepted(s, new SendMessage("AL/contact-point", "BE/contact-point", MessageChannel.ContactPointNetwork, "Did our preservation request arrive?", About: id));
        s.RunUntil(s.Messages[0].DeliversAt);
        Assert.Contains("Belmark's 24/7 point of contact: received.", s.Messages[1].Text);
        Assert.DoesNotContain("On req-", s.Messages[1].Text);
    }

    [Fact]
    public void A_message_about_a_request_sent_elsewhere_gets_the_acknowledgement_alone()
    {
        var s = Start();
        var id = Accepted(s, new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Request!;
        Accepted(s, new SendMessage("AL/contact-point", "DR/contact-point", MessageChannel.ContactPointNetwork, "FYI: we asked Belmark.", About: id));
        s.RunUntil(s.Messages[0].DeliversAt);
        Assert.DoesNotContain("On req-", s.Messages[1].Text);
    }

    [Fact]
    public void A_provider_desk_answers_an_e_mail_that_it_acts_only_on_an_order()
    {
        var s = Start();
        Accepted(s, new SendMessage("AL/investigator", "hostbay", MessageChannel.SecureEmail, "Please keep the data of 198.51.100.23.", "VPS 198.51.100.23", About: "c2-server"));
        s.RunUntil(s.Messages[0].DeliversAt);
        var reply = s.Messages[1];
        Assert.Equal(("hostbay", "AL/investigator", "Re: VPS 198.51.100.23", "c2-server"), (reply.From.Name, reply.To.Name, reply.Subject, reply.About));
        Assert.Contains("cannot disclose data on the strength of a message", reply.Text);
        Assert.DoesNotContain("tell us the account", reply.Text); // it was told which server

        // Written to about nothing in particular, the desk asks for what it would need to find the data.
        Accepted(s, new SendMessage("AL/investigator", "postlane", MessageChannel.SecureEmail, "Please help us with a ransomware case."));
        var vague = s.Messages[^1];
        s.RunUntil(vague.DeliversAt);
        Assert.Contains("tell us the account, address or other identifier, and the time window in UTC", s.Messages[^1].Text);
        Assert.Equal(vague.Id, s.Messages[^1].InReplyTo);
    }

    [Fact]
    public void A_trainee_seat_is_not_answered_by_the_engine_and_nobody_answers_for_the_none_policy()
    {
        var s = Start();
        Accepted(s, new SendMessage("AL/investigator", "AL/prosecutor", MessageChannel.Phone, "The Art. 29 request for Hostbay is yours to issue."));
        Assert.True(Assert.Single(s.Messages).Delivered); // a phone call reaches the colleague as it is made, on a paused clock too
        s.RunUntil(s.Now + TimeSpan.FromHours(1));
        Assert.Single(s.Messages); // the trainee answers, not the engine
        Assert.Equal(s.Messages[0].SentAt, s.Messages[0].DeliversAt);
    }

    [Fact]
    public void The_trainer_writes_as_an_outside_actor_or_an_office_no_trainee_holds_never_as_a_trainee()
    {
        var s = Start();
        Accepted(s, new SendMessageAs("Castrel Courier newsdesk", "AL/prosecutor", MessageChannel.Phone, "Can you confirm the breach?", "Press"));
        Accepted(s, new SendMessageAs("BE/contact-point", "AL/contact-point", MessageChannel.ContactPointNetwork, "We need the time window in UTC."));
        var refused = s.Decide(new SendMessageAs("AL/investigator", "AL/prosecutor", MessageChannel.Phone, "I am the investigator"));
        Assert.StartsWith("from: AL/investigator is held by a trainee", refused.Message);
        Assert.StartsWith("from: 'ZZ/judge' is not an office of this scenario", s.Decide(new SendMessageAs("ZZ/judge", "AL/prosecutor", MessageChannel.Phone, "x")).Message);
        Assert.All(s.Messages, m => Assert.True(m.ByTrainer));
        s.RunUntil(s.Now + TimeSpan.FromDays(1));
        Assert.Equal(2, s.Messages.Count); // the engine does not answer the cell's own messages
    }

    [Fact]
    public void An_investigator_refers_the_first_inject_to_the_prosecutor_who_then_has_it()
    {
        var s = Start();
        Assert.True(s.SeatHasInject("AL/investigator", "hospital-report"));
        Assert.False(s.SeatHasInject("AL/prosecutor", "hospital-report")); // addressed to the investigator alone
        Accepted(s, new Refer("AL/investigator", "hospital-report", "AL/prosecutor", "The Art. 29 request is yours to issue."));
        Assert.True(s.SeatHasInject("AL/prosecutor", "hospital-report"));
        var referral = Assert.Single(s.Referrals);
        Assert.Equal(("inject", "AL/investigator", "AL/prosecutor"), (referral.Kind, referral.From, referral.To));
        Assert.Contains("item: AL/prosecutor already has", s.Decide(new Refer("AL/investigator", "hospital-report", "AL/prosecutor")).Message);
        Assert.StartsWith("to: refer to another office of AL", s.Decide(new Refer("AL/investigator", "hospital-report", "DR/prosecutor")).Message);
        Assert.StartsWith("item:", s.Decide(new Refer("AL/contact-point", "hospital-report", "AL/judge")).Message); // not its inject
        Accepted(s, new Refer("AL/investigator", "c2-server", "AL/contact-point")); // a lead its state knows
        Assert.Equal("lead", s.Referrals[1].Kind);
    }

    [Fact]
    public void An_answer_to_an_inject_is_journalled_and_rates_an_objective_that_measures_it()
    {
        static void WithObjective(ScenarioFile f) => f.Objectives.Add(new ObjectiveFile
        {
            Id = "advise-the-hospital", Capability = "Public information and warning", Task = "Tell the hospital whether it may rebuild",
            Measure = new MeasureFile { Kind = "inject-answered", Inject = "hospital-report", By = "12h" },
        });
        var answered = Start(WithObjective);
        Assert.StartsWith("inject:", answered.Decide(new RespondToInject("AL/prosecutor", "hospital-report", ResponseKind.Decision, "rebuild")).Message);
        Accepted(answered, new RespondToInject("AL/investigator", "hospital-report", ResponseKind.Decision, "Keep the disk images of the encrypted servers; rebuild from clean media."));
        var answer = Assert.Single(answered.Responses);
        Assert.Equal((ResponseKind.Decision, "AL/investigator"), (answer.Kind, answer.By));
        answered.Finish("test");
        Assert.Contains(answered.Journal.Entries, e => e.Event is ObjectiveRated { Objective: "advise-the-hospital", Rating: Ratings.WithoutChallenges });

        var silent = Start(WithObjective);
        silent.Finish("test");
        var rated = silent.Journal.Entries.Select(e => e.Event).OfType<ObjectiveRated>().Single(r => r.Objective == "advise-the-hospital");
        Assert.Equal((Ratings.Unable, "nobody answered hospital-report"), (rated.Rating, rated.Evidence));
    }

    [Fact]
    public void The_same_messages_give_the_same_journal_and_the_decisions_read_back_from_their_stored_form()
    {
        Decision[] decisions =
        [
            new SendMessage("AL/contact-point", "DR/contact-point", MessageChannel.ContactPointNetwork, "Preservation follows.", "Postlane"),
            new Refer("AL/investigator", "hospital-report", "AL/prosecutor", "yours"),
            new RespondToInject("AL/investigator", "hospital-report", ResponseKind.Note, "Case opened."),
            new SendMessageAs("Castrel Courier newsdesk", "AL/prosecutor", MessageChannel.Phone, "Comment?"),
        ];
        byte[] Play()
        {
            var s = Start();
            foreach (var d in decisions) Accepted(s, DecisionCodec.Read(DecisionCodec.Format, DecisionCodec.Write(d)));
            s.RunUntil(s.Now + TimeSpan.FromDays(2));
            return s.Journal.ToBytes();
        }
        Assert.Equal(Play(), Play());
        foreach (var d in decisions) Assert.Equal(d, DecisionCodec.Read(DecisionCodec.Write(d)));
        Assert.Contains("\"type\":\"send-message\"", DecisionCodec.Write(decisions[0]));
        Assert.Contains("\"channel\":\"contact-point-network\"", DecisionCodec.Write(decisions[0]));
    }
}
