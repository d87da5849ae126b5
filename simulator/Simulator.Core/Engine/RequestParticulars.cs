namespace Simulator.Core.Engine;

/// <summary>
/// What a trainee writes into a request's standard template, beside the instrument, the data sought and the urgency
/// flag the engine already knows. The contents follow Budapest Art. 29(2): the offence and a brief summary of the
/// facts (b), why the data are needed (e), and for an emergency why a life or safety is at imminent risk (Second
/// Protocol Arts. 9(1)(c), 10(2)), or the instrument's own form where the catalogue gives one (<see cref="Catalogue.RequestTemplate"/>).
/// Policies send none; the engine only checks that a template given is complete.
/// </summary>
public sealed record RequestParticulars(string? Offence = null, string? Facts = null, string? Necessity = null, string? Urgency = null)
{
    /// <summary>The template as a form gives it: a blank field is an absent one, so the journal leaves it out rather than keeping "".</summary>
    public static RequestParticulars FromForm(string? offence, string? facts, string? necessity, string? urgency) =>
        new(Field(offence), Field(facts), Field(necessity), Field(urgency));

    private static string? Field(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What is missing, each naming the field and where the rule is; empty when the template is complete.</summary>
    /// <param name="urgent">the instrument's urgent handling, when the request is marked urgent: its condition is what the
    /// urgency field must give grounds for.</param>
    /// <param name="template">the instrument's form (<see cref="Catalogue.RequestTemplate"/>), whose articles the problems cite; the standard template where null.</param>
    public IReadOnlyList<string> Problems(bool emergency, Catalogue.UrgentHandling? urgent = null, Catalogue.RequestTemplate? template = null)
    {
        var form = template ?? Catalogue.RequestTemplate.Default;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Offence)) problems.Add($"offence: {form.Offence.Asks} ({form.Offence.Source})");
        if (string.IsNullOrWhiteSpace(Facts)) problems.Add($"facts: {form.Facts.Asks} ({form.Facts.Source})");
        if (string.IsNullOrWhiteSpace(Necessity)) problems.Add($"necessity: {form.Necessity.Asks} ({form.Necessity.Source})");
        if (emergency && string.IsNullOrWhiteSpace(Urgency))
            problems.Add($"urgency: {form.Urgency.Asks} ({form.Urgency.Source})");
        if (urgent is not null && string.IsNullOrWhiteSpace(Urgency))
            problems.Add($"urgency: an urgent request must give its grounds: {urgent.Describe()} ({urgent.Article})");
        return problems;
    }
}
