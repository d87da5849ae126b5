using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// An office that works cases one officer at a time: a central authority's MLA desk, a 24/7 contact point,
/// a provider's response team. With all officers busy, cases wait; priority cases (emergencies, escalations)
/// go first. A closed office (outside its calendar's hours) starts work at its next opening.
/// </summary>
public sealed class Office(string id, int officers, WorkingCalendar? calendar)
{
    public string Id { get; } = id;
    public int Officers { get; } = Math.Max(1, officers);
    public WorkingCalendar? Calendar { get; } = calendar;
    public int Busy { get; set; }
    public List<WaitingCase> Waiting { get; } = [];
    public int CasesHandled { get; set; }

    public sealed record WaitingCase(QueueCase Case, RequestRecord Request, TimeSpan Work, Action OnStart, Action OnDone);

    public WaitingCase? TakeNext()
    {
        if (Waiting.Count == 0) return null;
        var index = Waiting.FindIndex(w => w.Case.Priority);
        if (index < 0) index = 0;
        var next = Waiting[index];
        Waiting.RemoveAt(index);
        return next;
    }
}
