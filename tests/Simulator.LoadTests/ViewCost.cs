using System.Diagnostics;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.LoadTests;

/// <summary>
/// What the views pushed after each decision cost as an exercise grows, in-process: the live benchmark's action
/// exercise (AL/contact-point seated in the reference scenario, 7 simulated hours in, then preservation requests one
/// after another), timing the trainer's overview and Aldoria's seat view every 100 requests. The live benchmark
/// computes both after each action, inside the exercise's turn, so an action arriving meanwhile waits for them.
/// </summary>
internal static class ViewCost
{
    public static void Run(string[] args)
    {
        var requests = args.SkipWhile(a => a != "--requests").Skip(1).Select(int.Parse).FirstOrDefault(1000);
        var scenario = ScenarioLoader.Load(ReferenceScenario());
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue,
            SimulationOptions.Under(RulesVersion.Current, 1, PolicyCatalogue.Get("preserve-then-mla"), new HashSet<string> { "AL/contact-point" }));
        s.Start();
        s.RunUntil(built.World.Start.AddHours(7));
        string[] audiences = [Audience.Trainer, Audience.Seat("AL/contact-point")];
        var kept = new ViewMemory(); // as the live feed keeps it
        for (var warm = 0; warm < 200; warm++) ExerciseViews.ForAudiences(audiences, s, kept); // compile the paths first
        Console.WriteLine("requests  journal events  trainer + AL seat views (medians of 9): afresh, and as the live feed builds them after each step;");
        Console.WriteLine("                          the entity recorder's round: taking every entity's snapshot (in the exercise's turn), serializing them (off it), their size");
        var live = new List<double>();
        for (var i = 1; i <= requests; i++)
        {
            var r = s.Decide(new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]));
            if (!r.Accepted) throw new InvalidOperationException(r.Message);
            // As the live feed builds them after each step: from the requests' views of the step before.
            var watch = Stopwatch.StartNew();
            ExerciseViews.ForAudiences(audiences, s, kept);
            live.Add(watch.Elapsed.TotalMilliseconds);
            if (i % 100 != 0) continue;
            var afresh = Enumerable.Range(0, 9).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                ExerciseViews.ForAudiences(audiences, s);
                return watch.Elapsed.TotalMilliseconds;
            }).Order().ElementAt(4);
            var (take, serialize, kib) = Median9(() => EntitySnapshotCost(s));
            Console.WriteLine($"{i,8}  {s.Journal.Entries.Count,14}  {afresh,8:0.00} ms  {live.TakeLast(9).Order().ElementAt(4),8:0.00} ms  {take,8:0.00} ms  {serialize,8:0.00} ms  {kib,5} KiB");
        }
    }

    /// <summary>One entity recorder's round without its writes: the snapshots taken, then serialized as it compares them.</summary>
    private static (double Take, double Serialize, int KiB) EntitySnapshotCost(Simulation s)
    {
        var watch = Stopwatch.StartNew();
        var snapshots = new List<object>();
        foreach (var j in s.World.Jurisdictions) snapshots.Add(EntitySnapshots.Jurisdiction(s, j.Id, 1));
        foreach (var p in s.World.Providers) snapshots.Add(EntitySnapshots.Provider(s, p.Id, 1));
        foreach (var n in s.World.Incidents) snapshots.Add(EntitySnapshots.Investigation(s, n.Id, 1));
        var take = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var bytes = snapshots.Sum(x => System.Text.Json.JsonSerializer.Serialize(x, x.GetType(), Simulator.Core.Journal.JournalJson.Options).Length);
        return (take, watch.Elapsed.TotalMilliseconds, bytes / 1024);
    }

    private static (double, double, int) Median9(Func<(double Take, double Serialize, int KiB)> measure)
    {
        var runs = Enumerable.Range(0, 9).Select(_ => measure()).ToList();
        return (runs.Select(r => r.Take).Order().ElementAt(4), runs.Select(r => r.Serialize).Order().ElementAt(4), runs[0].KiB);
    }

    private static string ReferenceScenario()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scenarios", "hospital-ransomware.yaml"))) return Path.Combine(dir.FullName, "scenarios", "hospital-ransomware.yaml");
        throw new FileNotFoundException("scenarios/hospital-ransomware.yaml not found above the benchmark");
    }
}
