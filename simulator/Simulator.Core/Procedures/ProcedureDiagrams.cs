namespace Simulator.Core.Procedures;

/// <summary>Every procedure machine as a Mermaid state diagram, so trainers can see the procedure they practise.</summary>
public static class ProcedureDiagrams
{
    public static IReadOnlyList<(string Name, string Description, string Mermaid)> All() =>
    [
        ("request", "The life of a request, from draft to delivery, with clarification loops, refusal and the emergency fast path", new RequestLifecycle(emergency: true).ToMermaid()),
        ("preservation", "A preservation at a holder: active, extended, converted by a production request, lapsed or released", new PreservationLifecycle(1).ToMermaid()),
        ("office-queue", "A case in a central authority's, contact point's or provider's queue", new QueueCase("case", false).ToMermaid()),
        ("provider-handling", "How a provider's response team handles an order or request", new ProviderHandling().ToMermaid()),
        ("escalation", "A deadline or retention clock watched, escalated, met or missed", new EscalationLifecycle().ToMermaid()),
        ("use-consent", "A request for consent to use evidence beyond the purpose it was given for: asked, then granted or refused", new ConsentLifecycle().ToMermaid()),
        ("enforcement", "Enforcing an order whose addressee let the deadline pass: asked of the enforcing state, recognised or not, complied with or penalised", new EnforcementLifecycle().ToMermaid()),
        ("informing", "Telling the person whose data an order obtained: due once produced, informed, or delayed with reasons and informed later", new InformingLifecycle().ToMermaid()),
    ];
}
