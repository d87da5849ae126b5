using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>What the jurisdiction, provider and investigation grains show, with who may see it.</summary>
public static class EntityViews
{
    public static object For(Identity who, string kind, string id, Simulation s) => kind switch
    {
        "jurisdiction" => Jurisdiction(who, id, s),
        "provider" => Provider(who, id, s),
        "investigation" => Investigation(who, id, s),
        _ => throw new ExerciseException($"unknown kind '{kind}'"),
    };

    private static bool Overseer(Identity who) => who.Role is Identity.Trainer or Identity.Observer;
    private static string? StateOf(Identity who) => who.Seat?.Split('/')[0];

    private static object Jurisdiction(Identity who, string state, Simulation s)
    {
        if (!s.World.HasJurisdiction(state)) throw new ExerciseException($"no state '{state}' in this exercise");
        if (!Overseer(who) && StateOf(who) != state) throw new ExerciseException($"only {state}'s seats, the trainer and observers see {state}'s desk");
        var j = s.World.Jurisdiction(state);
        object Office(string role)
        {
            var seat = Names.Seat(state, Names.Parse<AuthorityRole>(role));
            var office = s.Offices.FirstOrDefault(o => o.Id == seat);
            return new
            {
                seat,
                playedBy = s.IsHumanSeat(seat) ? "trainee" : "engine",
                officers = office?.Officers,
                busy = office?.Busy ?? 0,
                waiting = office?.Waiting.Select(w => new { request = w.Request.Id, priority = w.Case.Priority }) ?? [],
                handled = office?.CasesHandled ?? 0,
            };
        }
        return new
        {
            state = j.Id,
            j.Name,
            capability = j.Capability,
            frameworks = j.Frameworks.Order(StringComparer.Ordinal),
            contactPoint = new { staffing = j.ContactPoint.Staffing, office = Office("contact-point") },
            centralAuthority = new { queueWait = j.CentralAuthority.QueueWait.ToString(), office = Office("central-authority") },
            seats = Enum.GetValues<AuthorityRole>().Select(r => Names.Seat(state, r)).Where(s.IsHumanSeat),
            sent = s.Requests.Where(r => r.Issuer == state).Select(r => new { request = r.Id, instrument = r.Instrument.Id, to = r.RequestedState, state = r.State }),
            received = s.Requests.Where(r => r.RequestedState == state && r.Issuer != state).Select(r => new { request = r.Id, instrument = r.Instrument.Id, from = r.Issuer, state = r.State, reviewer = s.ReviewerSeat(r) }),
        };
    }

    private static object Provider(Identity who, string provider, Simulation s)
    {
        if (!s.World.HasProvider(provider)) throw new ExerciseException($"no provider '{provider}' in this exercise");
        if (!Overseer(who)) throw new ExerciseException("providers are simulated: only the trainer and observers see their holdings");
        var p = s.World.Provider(provider);
        var team = s.Offices.FirstOrDefault(o => o.Id == $"provider/{provider}");
        return new
        {
            provider = p.Id,
            p.Name,
            headquarters = p.Headquarters,
            storageIn = p.StorageIn,
            retention = p.Retention.ToDictionary(r => Names.Kebab(r.Key), r => DurationText.Format(r.Value)),
            team = new { capacity = p.Capacity, busy = team?.Busy ?? 0, waiting = team?.Waiting.Count ?? 0, handled = team?.CasesHandled ?? 0 },
            holdings = s.EvidenceStates.Where(e => e.Item.Holder == provider).Select(e => new
            {
                evidence = e.Item.Id,
                category = e.Item.Category,
                status = e.Status,
                exists = e.Created,
                retentionExpiresAt = e.Item.ExpiresAt,
                preservedUntil = e.Preservations.Where(x => x.Lifecycle.Holds).Select(x => x.Until).Max(),
            }),
            requests = s.Requests.Where(r => r.Provider.Id == provider).Select(r => new
            {
                request = r.Id,
                instrument = r.Instrument.Id,
                from = r.Issuer,
                state = r.State,
                handling = r.ProviderCase?.State,
            }),
            cost = s.Requests.Where(r => r.Provider.Id == provider && r.ProviderCase?.State is Core.Procedures.ProviderState.Disclosed or Core.Procedures.ProviderState.NothingFound).Sum(_ => p.CostPerRequest),
        };
    }

    private static object Investigation(Identity who, string incidentId, Simulation s)
    {
        var incident = s.World.Incidents.FirstOrDefault(i => i.Id == incidentId) ?? throw new ExerciseException($"no incident '{incidentId}' in this exercise");
        if (!Overseer(who) && StateOf(who) != incident.Investigating) throw new ExerciseException($"only {incident.Investigating}'s seats, the trainer and observers follow this investigation");
        var leads = s.World.Leads.Where(l => l.Incident == incidentId && (Overseer(who) || s.IsLeadDiscovered(l.Id))).ToList();
        return new
        {
            incident = incident.Id,
            incident.Title,
            investigating = incident.Investigating,
            leads = leads.Select(l => new
            {
                lead = l.Id,
                l.Title,
                discovered = s.IsLeadDiscovered(l.Id),
                evidence = s.World.EvidenceOf(l.Id).Select(i => new { evidence = i.Id, holder = i.Holder, status = s.Evidence(i.Id).Status, retentionExpiresAt = i.ExpiresAt }),
            }),
            requests = s.Requests.Where(r => r.Items.Any(i => leads.Any(l => l.Id == i.Lead))).Select(r => new { request = r.Id, instrument = r.Instrument.Id, to = r.RequestedState, state = r.State }),
        };
    }
}
