namespace Simulator.Core.Catalogue;

/// <summary>One field of a request's template: what the form calls it, what it must give, and the article that says so.</summary>
public sealed record TemplateField(string Label, string Asks, string Source);

/// <summary>
/// The form an instrument's request is written on (Directive 2014/41/EU Annex A for the European Investigation Order):
/// what each of the template's fields must give and under which article, so that the console labels the fields as the
/// form does and an incomplete request is refused citing that form. An instrument without one uses
/// <see cref="Default"/>, the contents Budapest Art. 29(2) asks of a request (and the Second Protocol of an emergency).
/// </summary>
public sealed record RequestTemplate(string Form, TemplateField Offence, TemplateField Facts, TemplateField Necessity, TemplateField Urgency)
{
    public static readonly RequestTemplate Default = new("the standard request template",
        new("Offence", "name the offence under investigation", "Budapest Art. 29(2)(b)"),
        new("Summary of the facts", "give a brief summary of the facts", "Budapest Art. 29(2)(b)"),
        new("Necessity and proportionality", "say why these data are needed for the investigation", "Budapest Art. 29(2)(e)"),
        new("Urgency", "an emergency request must say why a life or safety is at imminent risk", "Second Protocol Arts. 9, 10"));
}
