using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.Rules;
using Simulator.Core.World;

namespace Simulator.Conformance.Tests;

/// <summary>
/// The legal outcomes the conformance tests state, each as one assertion over a <see cref="LawWorld"/>: a condition
/// met or not (with the reason the rules give), a ground open or closed, a period as long as the article says.
/// </summary>
internal static class Law
{
    public const string Investigator = "AA/investigator";
    public const string Prosecutor = "AA/prosecutor";
    public const string Judge = "AA/judge";
    public const string ContactPoint = "AA/contact-point";
    public static readonly string[] IssuingSeats = [Investigator, Prosecutor, Judge, ContactPoint, "AA/central-authority"];

    /// <summary>The draft can be sent: every condition met, nothing else in the way.</summary>
    public static void Allowed(RequestCheckResult check) =>
        Assert.True(check.CanSend, "expected the request to be allowed, but: " + string.Join("; ", check.Problems));

    /// <summary>The draft is stopped, and one of its problems says <paramref name="why"/>.</summary>
    public static void Refused(RequestCheckResult check, string why)
    {
        Assert.False(check.CanSend, $"expected the request to be stopped ({why}), but it may be sent");
        Assert.True(check.Problems.Any(p => p.Contains(why, StringComparison.Ordinal)), $"expected a problem saying '{why}', got: " + string.Join("; ", check.Problems));
    }

    /// <summary>Only the roles the catalogue names may issue it, for this category (the rest are told who may).</summary>
    public static void OnlyIssuedBy(string instrument, DataCategory category, params AuthorityRole[] roles) =>
        OnlyIssuedBy(instrument, category, roles, withValidation: []);

    /// <summary>
    /// <paramref name="roles"/> issue the instrument for the category themselves, <paramref name="withValidation"/> only
    /// once a judge or prosecutor of their state validates it (REG Art. 4(1)(b)); every other role is refused.
    /// </summary>
    public static void OnlyIssuedBy(string instrument, DataCategory category, AuthorityRole[] roles, AuthorityRole[] withValidation)
    {
        var catalogueRoles = LawWorld.Catalogue[instrument].IssuersFor(category);
        Assert.Equal(roles.Order(), catalogueRoles.Order());
        var world = WorldFor(instrument);
        var item = Names.Kebab(category);
        foreach (var role in Enum.GetValues<AuthorityRole>().Where(r => !roles.Contains(r) && !withValidation.Contains(r)))
            Refused(world.Check(instrument, role, Emergency(instrument), item), $"may not issue {instrument} for {item} data");
        foreach (var role in roles.Concat(withValidation))
        {
            var check = world.Check(instrument, role, Emergency(instrument), item);
            Assert.DoesNotContain(check.Problems, p => p.Contains("may not issue", StringComparison.Ordinal));
            Assert.Equal(withValidation.Contains(role), check.Conditions.Any(c => c.Condition.Contains("validate", StringComparison.Ordinal)));
        }
    }

    private static bool Emergency(string instrument) => LawWorld.Catalogue[instrument].EmergencyOnly;

    /// <summary>A world in which the instrument's preconditions can be met, for tests about something else.</summary>
    public static LawWorld WorldFor(string instrument) => instrument switch
    {
        _ when instrument.StartsWith("domestic", StringComparison.Ordinal) => LawWorld.Parties("budapest").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host),
        _ when instrument.StartsWith("eu-", StringComparison.Ordinal) => LawWorld.Parties("eu-e-evidence"),
        _ when instrument.StartsWith("us-", StringComparison.Ordinal) || instrument == "cloud-act-order" => LawWorld.UnitedStatesHost(),
        "cloud-act-order-us" => LawWorld.UnitedStatesIssuing(),
        _ => LawWorld.Parties("budapest", "budapest-2ap", "eu-mla-2000").ThreatToLife(),
    };

    /// <summary>The condition the catalogue cites is judged: met in <paramref name="met"/>, not met in <paramref name="notMet"/>, with the rules' reason.</summary>
    public static void Condition(string instrument, AuthorityRole role, string item, LawWorld met, LawWorld notMet, string why, bool emergency = false)
    {
        Assert.DoesNotContain(met.Check(instrument, role, emergency, item).Problems, p => p.Contains(why, StringComparison.Ordinal));
        Refused(notMet.Check(instrument, role, emergency, item), why);
    }

    /// <summary>
    /// A refusal ground of the requested or enforcing state holds where the facts it names are there, and not otherwise
    /// (the reservation it needs made; an offence of 2 years of extortion, outside every exception list's reach).
    /// </summary>
    public static void GroundFollowsFacts(string instrument, string groundId)
    {
        var ground = LawWorld.Catalogue[instrument].RefusalGrounds.Single(g => g.Id == groundId);
        LawWorld World(bool facts)
        {
            var w = LawWorld.Parties("budapest", "budapest-2ap", "eu-e-evidence", "eu-mla-2000").Offence(2, "extortion");
            if (ground.RequiresReservation is { } reservation) w.Reserves(LawWorld.Requested, reservation);
            if (!facts) return w;
            return ground.When switch
            {
                RefusalCondition.PoliticalOffence => w.Change(LawWorld.Requested, j => j with { PoliticalOffences = new HashSet<string>(["extortion"]) }),
                RefusalCondition.SovereigntyConcern => w.Change(LawWorld.Requested, j => j with { SensitiveTowards = new HashSet<string>([LawWorld.Issuing]) }),
                RefusalCondition.OffenceNotCriminalised => w.DoesNotCriminalise(LawWorld.Requested, "extortion"),
                RefusalCondition.PrivilegedData => w.ChangeOffence(o => o with { PrivilegedData = true }),
                RefusalCondition.FundamentalRightsConcern => w.ChangeOffence(o => o with { FundamentalRightsConcern = true }),
                RefusalCondition.NeBisInIdem => w.ChangeOffence(o => o with { AlreadyTriedIn = new HashSet<string>([LawWorld.Requested]) }),
                _ => throw new ArgumentException($"{groundId} is the provider's: use ProviderMayDecline"),
            };
        }
        Assert.True(World(true).GroundHolds(instrument, groundId, LawWorld.Requested), $"{instrument}'s {groundId} should hold on the facts it names");
        Assert.False(World(false).GroundHolds(instrument, groundId, LawWorld.Requested), $"{instrument}'s {groundId} should not hold without them");
    }

    /// <summary>A voluntary channel: where the provider's policy declines, the request is refused on the provider's ground.</summary>
    public static void ProviderMayDecline(LawWorld world, string seat, string instrument, string item, bool emergency = false)
    {
        var ground = LawWorld.Catalogue[instrument].RefusalGrounds.Single(g => g.When == RefusalCondition.ProviderPolicy);
        Assert.Equal(Reviewer.Provider, ground.By);
        var s = Send(world, seat, instrument, item, emergency);
        var r = s.Settle(s.Last());
        Assert.Equal(RequestState.Refused, r.State);
        Assert.Equal(ground.Id, r.RefusalGround);
    }

    /// <summary>
    /// The request's deadline is as long as the article says, runs from the moment it says, and ends where the law that
    /// counts it puts the end (<paramref name="counting"/>, on the requested state's calendar).
    /// </summary>
    public static void DeadlineRuns(LawWorld world, string seat, string instrument, string item, bool emergency, TimeSpan expected, CountedFrom from,
        PeriodCounting counting = PeriodCounting.Exact)
    {
        var legal = LawWorld.Catalogue[instrument].DeadlineFor([Names.Parse<DataCategory>(item)], emergency)!;
        Assert.Equal((expected, from, counting), (legal.Value, legal.From, legal.Counting));
        var s = Send(world, seat, instrument, item, emergency);
        var r = s.Last();
        s.StepUntil(() => r.ReceivedAt is not null, $"{r.Id} was received");
        Assert.True(r.ReceivedAt > r.SentAt, "the test needs a transmission time, to tell receipt from sending");
        var starts = (from == CountedFrom.Receipt ? r.ReceivedAt : r.SentAt)!.Value;
        Assert.Equal(legal.EndsFrom(starts, s.World.Jurisdiction(r.RequestedState).Calendar), r.Deadline);
    }

    /// <summary>
    /// The request goes straight to the requested state's desk: behind a central authority whose ordinary backlog is
    /// 300 days, its review still opens within a week of receipt.
    /// </summary>
    public static void SkipsTheBacklog(LawWorld world, string seat, string instrument, string item, bool emergency = false)
    {
        Assert.False(LawWorld.Catalogue[instrument].WaitsInBacklog);
        Assert.NotNull(LawWorld.Catalogue[instrument].BacklogSource);
        var backlogged = world.Change(LawWorld.Requested, j => j with { CentralAuthority = new CentralAuthorityOffice(1, DurationRange.Parse("300d")) });
        var s = Send(backlogged, seat, instrument, item, emergency);
        var r = s.Last();
        s.StepUntil(() => r.CaseStartsAt is not null && r.ReceivedAt is not null, $"{r.Id}'s review was taken up");
        Assert.True(r.CaseStartsAt - r.ReceivedAt < TimeSpan.FromDays(7), $"the request waited the central authority's backlog: its review opened {r.CaseStartsAt - r.ReceivedAt} after receipt");
    }

    public static Simulation Send(LawWorld world, string seat, string instrument, string item, bool emergency = false, params string[] humanSeats) =>
        Send(world.Run([.. IssuingSeats, .. humanSeats]), seat, instrument, item, emergency);

    public static Simulation Send(Simulation s, string seat, string instrument, string item, bool emergency = false)
    {
        var result = s.Decide(new SendRequest(seat, instrument, [item], emergency));
        Assert.True(result.Accepted, result.Message);
        return s;
    }

    public static RequestRecord Last(this Simulation s) => s.Requests[^1];

    public static void StepUntil(this Simulation s, Func<bool> condition, string what)
    {
        while (!condition())
            if (!s.Step())
                throw new Xunit.Sdk.XunitException($"the run ended before {what}; last events:\n" +
                    string.Join("\n", s.Journal.Entries.TakeLast(8).Select(e => System.Text.Encoding.UTF8.GetString(e.Line))));
    }

    /// <summary>Runs the request to its end (closed), or fails.</summary>
    public static RequestRecord Settle(this Simulation s, RequestRecord r)
    {
        s.StepUntil(() => r.Lifecycle.IsClosed, $"{r.Id} closed");
        return r;
    }

    public static IEnumerable<T> Events<T>(this Simulation s) where T : JournalEvent => s.Journal.Entries.Select(e => e.Event).OfType<T>();

    /// <summary>A preservation through the instrument freezes the item for the article's period, counted from the holder's confirmation.</summary>
    public static PreservationRecord PreservationLasts(LawWorld world, string seat, string instrument, string item, TimeSpan period)
    {
        var s = Send(world, seat, instrument, item);
        s.StepUntil(() => s.Preservations.Count > 0, "the holder confirmed the preservation");
        var p = s.Preservations.Single();
        var confirmed = s.Events<PreservationStateChanged>().First().Until!.Value - LawWorld.Catalogue[instrument].Preservation!.Period.Value;
        Assert.Equal(period, p.Until!.Value - confirmed);
        Assert.Equal(period, LawWorld.Catalogue[instrument].Preservation!.Period.Value);
        return p;
    }

    /// <summary>The preservation may be extended by the article's extension, as often as it allows, and no more.</summary>
    public static void PreservationExtends(LawWorld world, string seat, string instrument, string item, TimeSpan extension, int times)
    {
        var s = Send(world, seat, instrument, item);
        s.StepUntil(() => s.Preservations.Count > 0, "the holder confirmed the preservation");
        var p = s.Preservations.Single();
        for (var n = 0; n < times; n++)
        {
            var before = p.Until!.Value;
            var extended = s.Decide(new ExtendPreservation(seat, p.Id));
            Assert.True(extended.Accepted, extended.Message);
            Assert.Equal(extension, p.Until!.Value - before);
        }
        Assert.False(s.Decide(new ExtendPreservation(seat, p.Id)).Accepted, $"{instrument} allows {times} extension(s), not {times + 1}");
    }

    /// <summary>
    /// Once a production request for the preserved data has reached the requested side, the preservation holds past its
    /// date until that request is decided (Budapest Art. 29(7), REG Art. 11(1), 18 USC 2703(f)(1)).
    /// </summary>
    public static void PreservationHoldsPendingProduction(LawWorld world, string seat, string instrument, string item,
        string productionSeat, string production, params string[] reviewingSeats)
    {
        var s = Send(world, seat, instrument, item, false, reviewingSeats);
        s.StepUntil(() => s.Preservations.Count > 0, "the holder confirmed the preservation");
        var p = s.Preservations.Single();
        var request = Send(s, productionSeat, production, item).Last();
        s.StepUntil(() => request.ReceivedAt is not null, "the production request was received");
        s.RunUntil(p.Until!.Value + TimeSpan.FromDays(1));
        Assert.True(p.Lifecycle.Holds, $"{p.Id} lapsed on its date although {request.Id} ({production}) was pending ({Names.Kebab(request.State)})");
    }
}
