using Simulator.Core.Common;
using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// What people say to each other besides requests: messages on the channels of <see cref="MessageChannels"/>
/// (each arriving after its channel's delay, read in office hours where the recipient keeps them), referrals of
/// injects and leads within a state, and answers to injects. An office the engine plays, and every provider's desk,
/// acknowledges what a trainee writes to it, from what the model knows of it.
/// </summary>
public sealed partial class Simulation
{
    private readonly List<MessageRecord> _messages = [];
    private readonly Dictionary<string, MessageRecord> _messagesById = [];
    private readonly List<Referral> _referrals = [];
    private readonly List<InjectResponse> _responses = [];
    /// <summary>Who each delivered inject went to (seats, or whole states).</summary>
    private readonly Dictionary<string, IReadOnlyList<string>> _deliveredTo = [];
    private readonly List<(DateTimeOffset At, InjectDelivered Delivered)> _deliveries = [];

    /// <summary>Every inject delivered so far, when, in order: what the seats' views show without reading the journal.</summary>
    public IReadOnlyList<(DateTimeOffset At, InjectDelivered Delivered)> Deliveries => _deliveries;

    public IReadOnlyList<MessageRecord> Messages => _messages;
    public IReadOnlyList<Referral> Referrals => _referrals;
    public IReadOnlyList<InjectResponse> Responses => _responses;

    /// <summary>An office ("STATE/role" of a state of the scenario) or a provider's desk (its id) by name, or null.</summary>
    public Correspondent? FindCorrespondent(string name)
    {
        if (Seat.TryParse(name, out var seat)) return World.HasJurisdiction(seat.Jurisdiction) ? new Correspondent(seat.ToString(), seat, null) : null;
        return World.HasProvider(name) ? new Correspondent(name, null, name) : null;
    }

    /// <summary>Whether the injects <paramref name="seat"/> has seen include this one: addressed to it or its state, or referred to it.</summary>
    public bool SeatHasInject(string seat, string inject)
    {
        var state = Seat.Parse(seat).Jurisdiction;
        var delivered = _deliveredTo.TryGetValue(inject, out var to) && to.Any(t => t == seat || t == state);
        return delivered || _referrals.Any(r => r.Kind == "inject" && r.Item == inject && r.To == seat);
    }

    private DecisionResult SendMessageFromSeat(SendMessage m)
    {
        var from = FindCorrespondent(m.Actor)!.Value;
        if (FindCorrespondent(m.To) is not { } to)
            return DecisionResult.Rejected($"to: no office or provider '{m.To}' in this scenario (write STATE/role, or a provider's id)");
        if (to.Name == from.Name) return DecisionResult.Rejected("to: a seat does not write to itself");
        if (m.InReplyTo is { } replyTo && (!_messagesById.TryGetValue(replyTo, out var original) || original.To.Name != m.Actor || !original.Delivered))
            return DecisionResult.Rejected($"inReplyTo: {m.Actor} has received no message '{replyTo}'");
        if (m.About is { } about && !Knows(m.Actor, about))
            return DecisionResult.Rejected($"about: {m.Actor} knows of no inject, lead or request '{about}'");
        return Post(from, to, m.Channel, m.Subject, m.Text, m.About, m.InReplyTo, byTrainer: false);
    }

    private DecisionResult SendMessageAsTrainer(SendMessageAs m)
    {
        if (string.IsNullOrWhiteSpace(m.From) || m.From.Length > MessageLimits.ActorName)
            return DecisionResult.Rejected($"from: name who writes, in 1 to {MessageLimits.ActorName} characters");
        if (FindCorrespondent(m.To) is not { } to || to.IsProvider)
            return DecisionResult.Rejected($"to: no office '{m.To}' in this scenario (write STATE/role)");
        // The trainer speaks for the cell: never for a trainee, whose words are theirs alone.
        // An outside actor is a plain name: one written like a seat must be an office of this scenario.
        if (FindCorrespondent(m.From) is null && m.From.Contains('/'))
            return DecisionResult.Rejected($"from: '{m.From}' is not an office of this scenario; an outside actor's name has no '/'");
        var from = FindCorrespondent(m.From) ?? new Correspondent(m.From.Trim(), null, null);
        if (from.Office is { } office && IsHuman(office.ToString()))
            return DecisionResult.Rejected($"from: {office} is held by a trainee; the trainer writes only as offices no trainee holds, providers or outside actors");
        if (from.Name == to.Name) return DecisionResult.Rejected("to: an office does not write to itself");
        return Post(from, to, m.Channel, m.Subject, m.Text, null, null, byTrainer: true);
    }

    private DecisionResult Post(Correspondent from, Correspondent to, MessageChannel channel, string? subject, string text, string? about, string? inReplyTo, bool byTrainer)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MessageLimits.Text)
            return DecisionResult.Rejected($"text: write the message, in 1 to {MessageLimits.Text} characters");
        if (subject?.Length > MessageLimits.Subject) return DecisionResult.Rejected($"subject: at most {MessageLimits.Subject} characters");
        if (MessageChannels.Refusal(channel, from, to) is { } refused) return DecisionResult.Rejected($"channel: {refused}");

        var rule = MessageChannels.Rule(channel);
        var id = $"msg-{_messages.Count + 1:000}";
        var arrives = Now + rule.Delay.Draw(_random.Derive(id));
        if (rule.ReadInOfficeHours && CalendarOf(to) is { } calendar) arrives = calendar.NextOpening(arrives);
        var message = new MessageRecord
        {
            Id = id, From = from, To = to, Channel = channel, Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(), Text = text.Trim(),
            About = about, InReplyTo = inReplyTo, SentAt = Now, DeliversAt = arrives, ByTrainer = byTrainer,
        };
        _messages.Add(message);
        _messagesById[id] = message;
        Record(new MessageSent(id, from.Name, to.Name, channel, message.Subject, message.Text, about, inReplyTo, arrives, byTrainer));
        // A call reaches the other end as it is made, even on a paused clock; the rest arrives with time.
        if (arrives == Now) Deliver(message);
        else At(arrives, () => Deliver(message));
        return new DecisionResult(true, $"{id} sent by {rule.Name.ToLowerInvariant()}: {to} has it {(arrives == Now ? "now" : $"at {JournalJson.Instant(arrives)}")}");
    }

    private void Deliver(MessageRecord m)
    {
        m.Delivered = true;
        Record(new MessageDelivered(m.Id, m.From.Name, m.To.Name));
        if (!m.ByTrainer && m.From.Office is { } sender && IsHuman(sender.ToString()) && EngineReply(m) is { } reply)
            Post(m.To, m.From, m.Channel, m.Subject is null ? null : $"Re: {m.Subject}", reply, m.About, m.Id, byTrainer: false);
    }

    /// <summary>
    /// What the engine answers for an office it plays, or a provider's desk, to what a trainee wrote: it confirms
    /// receipt and says what it can act on, as the model knows the office (it does not negotiate: the trainer, as
    /// the simulation cell, can write anything more); and (<see cref="SimulationOptions.RepliesFollowTheCase"/>), for
    /// a message about a request it holds, where that request stands and about when it will move, or, from a
    /// provider's desk written to about nothing in particular, what it would need to find the data. Null where nobody
    /// plays the office.
    /// </summary>
    private string? EngineReply(MessageRecord m)
    {
        var reply = Acknowledgement(m);
        if (reply is null || !Options.RepliesFollowTheCase) return reply;
        if (RequestStatusFor(m) is { } status) return $"{reply} {status}";
        // A desk cannot look anything up from a message that names nothing: it asks for what it would need.
        if (m.To.IsProvider && m.About is null) return $"{reply} To find the data, tell us the account, address or other identifier, and the time window in UTC.";
        return reply;
    }

    /// <summary>
    /// Where the request a message is about stands, as the office or desk it was written to knows it: a request its
    /// state received (or a direct order to the provider), told by its procedure and, while it waits, by the queue's
    /// estimate. Null when the message is about nothing the recipient holds.
    /// </summary>
    private string? RequestStatusFor(MessageRecord m)
    {
        if (m.About is not { } about || Request(about) is not { } r) return null;
        var holds = m.To.Provider is { } provider ? r.Provider.Id == provider && r.Instrument.Channel == Simulator.Core.Catalogue.Channel.DirectToProvider
            : m.To.Office is { } office && r.RequestedState == office.Jurisdiction;
        if (!holds) return null;
        var on = $"On {r.Id} ({r.Instrument.Id}):";
        if (r.State == Procedures.RequestState.Sent) return $"{on} it has not reached us yet.";
        if (EstimateQueue(r) is { } q) return $"{on} received {JournalJson.Instant(r.ReceivedAt ?? Now)}, waiting for review ({q.Reason}); we expect to take it up about {JournalJson.Instant(q.EstimatedStart)}.";
        if (r.State == Procedures.RequestState.AwaitingClarification
            && Journal.Entries.Select(e => e.Event).OfType<ClarificationRequested>().LastOrDefault(c => c.Request == r.Id) is { } asked)
            return $"{on} we are waiting for your answer to our question: {asked.Question}";
        var state = Names.Kebab(r.State).Replace('-', ' ');
        return r.ClosedAt is { } closed ? $"{on} {state}, closed {JournalJson.Instant(closed)}." : $"{on} {state}.";
    }

    private string? Acknowledgement(MessageRecord m)
    {
        if (m.To.Provider is { } providerId)
        {
            var p = World.Provider(providerId);
            return $"{p.Name}, law-enforcement desk: received. We cannot disclose data on the strength of a message: send an order or request " +
                $"that reaches us. {(p.Policy.VoluntaryPreservation ? "On an authority's request we keep the data meanwhile." : "We keep nothing beyond our retention without an order.")}";
        }
        var office = m.To.Office!.Value;
        if (IsHuman(office.ToString()) || PolicyPlaying(office.Jurisdiction) is null or "none") return null;
        var state = World.Jurisdiction(office.Jurisdiction).Name;
        return office.Role switch
        {
            AuthorityRole.ContactPoint => $"{state}'s 24/7 point of contact: received. For data to be kept, send a preservation request (Budapest Art. 29) " +
                "naming the data, the time window in UTC and whether a request for mutual assistance will follow.",
            AuthorityRole.CentralAuthority => $"{state}'s central authority: received. We act on formal requests for mutual assistance (Budapest Arts. 25-27) " +
                "and will tell you the reference of any you send.",
            _ => $"{office} ({state}): received and noted.",
        };
    }

    private WorkingCalendar? CalendarOf(Correspondent c)
    {
        if (c.Office is not { } office) return null; // a provider's desk and an outside actor answer at any hour
        var j = World.Jurisdiction(office.Jurisdiction);
        return office.Role == AuthorityRole.ContactPoint && j.ContactPoint.Staffing == Staffing.AroundTheClock ? null : j.Calendar;
    }

    /// <summary>Whether a seat may name this in a message: an inject it has, a lead its state knows, a request its state sent or received.</summary>
    private bool Knows(string seat, string item)
    {
        var state = Seat.Parse(seat).Jurisdiction;
        if (_injects.ContainsKey(item)) return SeatHasInject(seat, item);
        if (World.Leads.Any(l => l.Id == item)) return IsLeadDiscovered(item) && World.Incident(World.Lead(item).Incident).Investigating == state;
        return Request(item) is { } r && (r.Issuer == state || r.RequestedState == state);
    }

    private DecisionResult ReferWithinState(Refer r)
    {
        var from = Seat.Parse(r.Actor);
        if (!Seat.TryParse(r.To, out var to) || to.Jurisdiction != from.Jurisdiction)
            return DecisionResult.Rejected($"to: refer to another office of {from.Jurisdiction} (write {from.Jurisdiction}/role)");
        if (to == from) return DecisionResult.Rejected("to: a seat does not refer to itself");
        if (r.Note?.Length > MessageLimits.Note) return DecisionResult.Rejected($"note: at most {MessageLimits.Note} characters");
        var kind = _injects.ContainsKey(r.Item) ? "inject" : World.Leads.Any(l => l.Id == r.Item) ? "lead" : null;
        if (kind is null || !Knows(r.Actor, r.Item)) return DecisionResult.Rejected($"item: {r.Actor} has no inject or lead '{r.Item}' to refer");
        if (kind == "inject" && SeatHasInject(to.ToString(), r.Item)) return DecisionResult.Rejected($"item: {to} already has inject {r.Item}");
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        _referrals.Add(new Referral(r.Item, kind, r.Actor, to.ToString(), note, Now));
        Record(new Referred(r.Item, kind, r.Actor, to.ToString(), note));
        return new DecisionResult(true, $"{kind} {r.Item} referred to {to}");
    }

    private DecisionResult Respond(RespondToInject r)
    {
        if (!SeatHasInject(r.Actor, r.Inject)) return DecisionResult.Rejected($"inject: {r.Actor} has no inject '{r.Inject}' to answer");
        if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > MessageLimits.Text)
            return DecisionResult.Rejected($"text: write the answer, in 1 to {MessageLimits.Text} characters");
        var id = $"resp-{_responses.Count + 1:000}";
        _responses.Add(new InjectResponse(id, r.Inject, r.Actor, r.Kind, r.Text.Trim(), Now));
        Record(new InjectAnswered(id, r.Inject, r.Actor, r.Kind, r.Text.Trim()));
        return new DecisionResult(true, $"{id}: your answer to {r.Inject} is on record");
    }
}
