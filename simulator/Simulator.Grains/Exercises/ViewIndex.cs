using Simulator.Core.Engine;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What the views of one step share, built once for all the audiences they are pushed to: each office's queue played
/// forward once, the preservations by request and item, and each request's view (the same for the trainer, the
/// observers and both states of a request). Without it a view cost grew with the requests times the preservations.
/// <paramref name="kept"/>: what a live feed's views kept from the steps before, or none (a view asked for once).
/// </summary>
internal sealed class ViewIndex(Simulation s, ViewMemory? kept = null)
{
    private readonly Func<RequestRecord, QueueEstimate?> _queue = s.QueueEstimator();
    private readonly Dictionary<string, RequestView> _requests = new(StringComparer.Ordinal);
    private Dictionary<(string Request, string Evidence), PreservationRecord>? _preservations;

    public QueueEstimate? Queue(RequestRecord r) => _queue(r);

    /// <summary>The objectives' facts: folded on from the last step's (a live feed's), or from the whole journal.</summary>
    public Core.Objectives.RatingFacts Facts() => kept?.Facts(s) ?? Core.Objectives.RatingFacts.Of(s.Catalogue, s.Journal.Entries);

    /// <summary>A request's view this step: built once, and not at all when the step before showed it the same.</summary>
    public RequestView Request(RequestRecord r, RequestChanges changes, Func<IReadOnlyList<EvidenceFate>> fates, Func<QueueView?> queue,
        Func<IReadOnlyList<EvidenceFate>, QueueView?, RequestView> build)
    {
        if (_requests.TryGetValue(r.Id, out var view)) return view;
        var f = fates();
        var q = queue();
        return _requests[r.Id] = kept is null ? build(f, q) : kept.Request(r.Id, changes, f, q, () => build(f, q));
    }

    /// <summary>The first preservation a request made of an item (as <see cref="Simulation.Preservations"/> lists them), if any.</summary>
    public PreservationRecord? Preservation(string request, string evidence)
    {
        if (_preservations is null)
        {
            _preservations = [];
            foreach (var p in s.Preservations) _preservations.TryAdd((p.Request, p.Evidence), p);
        }
        return _preservations.GetValueOrDefault((request, evidence));
    }
}
