using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.World;

namespace Simulator.Core.Rules;

/// <summary>
/// An order whose addressee would break a third country's law by complying (REG Art. 17(1)): the provider's home
/// state is not bound by the instrument, and its law bars the provider from disclosing some of the data sought to
/// a foreign authority, with no agreement between it and the issuing state that lifts the bar.
/// </summary>
public sealed record ConflictOfLaws(string ThirdCountry, IReadOnlyList<DataCategory> Barred, DisclosureBar Bar)
{
    /// <summary>The conflict an order of <paramref name="instrument"/> from <paramref name="issuer"/> for these categories meets, or null.</summary>
    public static ConflictOfLaws? For(Instrument instrument, ScenarioWorld world, ServiceProvider provider, string issuer, IEnumerable<DataCategory> categories)
    {
        if (instrument.ConflictingObligations is null || !world.HasJurisdiction(provider.Headquarters)) return null;
        var home = world.Jurisdiction(provider.Headquarters);
        // A third country: neither the issuing state nor a state the instrument binds.
        var binds = instrument.Preconditions.Where(p => p.Kind == PreconditionKind.IssuerParty).Select(p => p.Framework).OfType<string>();
        if (home.Id == issuer || binds.Any(home.IsParty)) return null;
        var sought = categories.ToHashSet();
        var requesting = world.Jurisdiction(issuer);
        foreach (var bar in home.Bars)
        {
            var barred = bar.Categories.Where(sought.Contains).Order().ToList();
            if (barred.Count == 0) continue;
            if (bar.LiftedByAgreement is { } kind && (home.HasAgreement(issuer, kind) || requesting.HasAgreement(home.Id, kind))) continue;
            return new ConflictOfLaws(home.Id, barred, bar);
        }
        return null;
    }

    /// <summary>What the addressee would object, for people to read.</summary>
    public string Describe() =>
        $"complying would break {ThirdCountry}'s law, which forbids disclosing {string.Join(" and ", Barred.Select(Names.Kebab))} data to a foreign authority ({Bar.Source})";
}
