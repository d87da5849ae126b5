using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Procedures;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Takes one entity's part out of the running simulation: what the jurisdiction, provider and investigation grains
/// keep in their grain state. Each snapshot is stamped with the journal length it reflects and its writer (the
/// exercise grain's activation).
/// </summary>
public static class EntitySnapshots
{
    public static JurisdictionDesk Jurisdiction(Simulation s, string state, long writer)
    {
        var j = s.World.Jurisdiction(state);
        OfficeState Office(AuthorityRole role)
        {
            var seat = Names.Seat(state, role);
            var office = s.Offices.FirstOrDefault(o => o.Id == seat);
            return new OfficeState(
                seat,
                s.IsHumanSeat(seat) ? "trainee" : s.PlayedBy(seat) is null ? "nobody" : "engine",
                office?.Officers,
                office?.Busy ?? 0,
                office?.Waiting.Select(w => new QueuedCase(w.Request.Id, w.Case.Priority, Names.Kebab(w.Case.State))).ToList() ?? [],
                office?.CasesHandled ?? 0,
                s.Requests.Where(r => r.ActiveOffice is { } active && active.Id == seat).Select(r => r.Id).ToList());
        }
        return new JurisdictionDesk(
            s.Journal.Entries.Count,
            s.Now,
            j.Id,
            j.Name,
            Names.Kebab(j.Capability),
            j.Frameworks.Order(StringComparer.Ordinal).ToList(),
            new ContactPointDesk(Names.Kebab(j.ContactPoint.Staffing), Office(AuthorityRole.ContactPoint)),
            new CentralAuthorityDesk(j.CentralAuthority.QueueWait.ToString(), Office(AuthorityRole.CentralAuthority)),
            Enum.GetValues<AuthorityRole>().Select(r => Names.Seat(state, r)).Where(s.IsHumanSeat).ToList(),
            s.Requests.Where(r => r.Issuer == state).Select(r => AtDesk(r) with { To = r.RequestedState }).ToList(),
            s.Requests.Where(r => r.RequestedState == state && r.Issuer != state).Select(r => AtDesk(r) with { From = r.Issuer, Reviewer = s.ReviewerSeat(r) }).ToList(),
            s.PolicyPlaying(state),
            writer,
            [.. s.HandedOverSeats.Where(seat => Seat.Parse(seat).Jurisdiction == state).Order(StringComparer.Ordinal)]);
    }

    public static ProviderHoldings Provider(Simulation s, string provider, long writer)
    {
        var p = s.World.Provider(provider);
        var team = s.Offices.FirstOrDefault(o => o.Id == $"provider/{provider}");
        var requests = s.Requests.Where(r => r.Provider.Id == provider).ToList();
        return new ProviderHoldings(
            s.Journal.Entries.Count,
            s.Now,
            p.Id,
            p.Name,
            p.Headquarters,
            p.StorageIn,
            p.Retention.ToDictionary(r => Names.Kebab(r.Key), r => DurationText.Format(r.Value)),
            new ResponseTeam(p.Capacity, team?.Busy ?? 0, team?.Waiting.Count ?? 0, team?.CasesHandled ?? 0),
            s.EvidenceStates.Where(e => e.Item.Holder == provider).Select(e => new Holding(
                e.Item.Id,
                Names.Kebab(e.Item.Category),
                Names.Kebab(e.Status),
                e.Created,
                e.Item.ExpiresAt,
                e.Preservations.Where(x => x.Lifecycle.Holds).Select(x => x.Until).Max(),
                e.Preservations.Select(x => new HeldPreservation(x.Id, x.Request, Names.Kebab(x.Lifecycle.State), x.Until)).ToList())).ToList(),
            requests.Select(r => new ProviderCase(r.Id, r.Instrument.Id, r.Issuer, Names.Kebab(r.State), r.ProviderCase is { } c ? Names.Kebab(c.State) : null)).ToList(),
            requests.Count(r => r.ProviderCase?.State is ProviderState.Disclosed or ProviderState.NothingFound) * p.CostPerRequest,
            writer);
    }

    public static InvestigationStatus Investigation(Simulation s, string incidentId, long writer)
    {
        var incident = s.World.Incident(incidentId);
        var leads = s.World.Leads.Where(l => l.Incident == incidentId).ToList();
        return new InvestigationStatus(
            s.Journal.Entries.Count,
            s.Now,
            incident.Id,
            incident.Title,
            incident.Investigating,
            leads.Select(l => new LeadState(l.Id, l.Title, s.IsLeadDiscovered(l.Id),
                s.World.EvidenceOf(l.Id).Select(i => new LeadEvidence(i.Id, i.Holder, Names.Kebab(s.Evidence(i.Id).Status), i.ExpiresAt)).ToList())).ToList(),
            s.Requests.Where(r => r.Items.Any(i => leads.Any(l => l.Id == i.Lead))).Select(r => AtDesk(r) with { To = r.RequestedState }).ToList(),
            writer);
    }

    /// <summary>An investigation as the investigating state's seats see it: the discovered leads only, and the requests for their evidence.</summary>
    public static InvestigationStatus AsSeatsSeeIt(InvestigationStatus s)
    {
        var known = s.Leads.Where(l => l.Discovered).ToList();
        var knownEvidence = known.SelectMany(l => l.Evidence.Select(e => e.Evidence)).ToHashSet();
        return s with { Leads = known, Requests = s.Requests.Where(r => r.Evidence is { } items && items.All(knownEvidence.Contains)).ToList() };
    }

    private static RequestAtDesk AtDesk(RequestRecord r) =>
        new(r.Id, r.Instrument.Id, Names.Kebab(r.State), Names.Kebab(r.Escalation.State), Deadline: r.Deadline, Evidence: r.Items.Select(i => i.Id).ToList());
}
