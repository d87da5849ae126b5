using System.Text.RegularExpressions;

namespace Simulator.Conformance.Tests;

/// <summary>
/// No rule lives only in description text. A refusal ground's description says what the ground is; the conditions
/// of its use (a reservation, the state's own law, exceptions) are fields, rendered into what people read. A
/// description that states a condition would be a rule the engine never applies, as Art. 29(4)'s exception once was.
/// </summary>
public sealed partial class CatalogueProseTests
{
    [GeneratedRegex(@"\b(unless|except|excluding|not for|other than|only where|only if|only for|provided that|save where)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionWords();

    [Fact]
    public void No_refusal_ground_states_a_condition_in_its_description_that_its_fields_do_not_encode()
    {
        var prose = LawWorld.Catalogue.Instruments
            .SelectMany(i => i.RefusalGrounds.Select(g => (i.Id, g.Id, g.Description, Match: ConditionWords().Match(g.Description))))
            .Where(x => x.Match.Success)
            .Select(x => $"{x.Item1} ground {x.Item2}: '{x.Match.Value}' in \"{x.Description}\"")
            .ToList();
        Assert.True(prose.Count == 0, "write these conditions as requires-reservation, where-state-requires-dual-criminality or exceptions:\n" + string.Join("\n", prose));
    }

    [Fact]
    public void The_conditions_of_a_ground_are_rendered_from_its_fields_for_people_to_read()
    {
        var ground = LawWorld.Catalogue["budapest-art29-preservation"].RefusalGrounds.Single(g => g.Id == "dual-criminality");
        var text = ground.Describe();
        Assert.Contains("only for a state that made the reservation budapest-art29-4", text);
        Assert.Contains("only where the state's law requires dual criminality for the data sought", text);
        Assert.Contains("not for the offences established under ETS185 Arts. 2-11", text);
    }

    [Fact]
    public void The_older_catalogue_that_stated_Art29_4_in_prose_is_caught_by_the_same_rule()
    {
        var older = Simulator.Scenarios.Catalogue.CatalogueLoader.Pinning(Simulator.Scenarios.Catalogue.CatalogueLoader.TextBeforePinning);
        var ground = older["budapest-art29-preservation"].RefusalGrounds.Single(g => g.Id == "dual-criminality");
        Assert.Matches(ConditionWords(), ground.Description);
        Assert.Empty(ground.ExceptionsToRule);
    }
}
