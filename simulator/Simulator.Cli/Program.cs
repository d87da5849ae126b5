using Simulator.Cli.Commands;
using Simulator.Scenarios.Diagnostics;
using Spectre.Console.Cli;

// The planners' tool. Each command lives in Commands/; docs/cli.md documents them and the JSON they print.
// Spectre.Console keeps the real streams for its own colours; everything else printed has data's control characters made visible.
Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings());
Console.SetOut(new Simulator.Cli.SafeTerminalWriter(Console.Out));
Console.SetError(new Simulator.Cli.SafeTerminalWriter(Console.Error));
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("simulator");
    // A mistyped option must stop the run, not silently fall back to a default (a planner would compare the wrong runs).
    config.UseStrictParsing();
    config.AddCommand<RunCommand>("run").WithDescription("Run a scenario headless under a policy and print the outcome")
        .WithExample("run", "hospital-ransomware", "--seed", "1", "--policy", "preserve-then-mla");
    config.AddCommand<ValidateCommand>("validate").WithDescription("Check scenario files; every problem as file:line:column: message");
    config.AddCommand<InstrumentsCommand>("instruments").WithDescription("Print the instrument catalogue with its legal sources");
    config.AddCommand<AdviseCommand>("advise").WithDescription("Which instruments the law allows a state for some evidence, with their conditions and sources, as the console's advisor")
        .WithExample("advise", "hospital-ransomware", "--from", "AL", "--evidence", "c2-flow-logs");
    config.AddCommand<VerifyCommand>("verify").WithDescription("Check a journal's hash chain and custody chains");
    config.AddCommand<DiagramsCommand>("diagrams").WithDescription("Print the procedure state machines as Mermaid diagrams");
    config.AddCommand<PoliciesCommand>("policies").WithDescription("List the investigative policies");
    config.AddCommand<CompareCommand>("compare").WithDescription("Run a scenario many times under each policy, on all cores, and compare the distributions")
        .WithExample("compare", "hospital-ransomware", "--policies", "mla-only,preserve-then-mla", "--runs", "200");
    config.AddCommand<ReplayCommand>("replay").WithDescription("Replay a recorded live exercise, check it reproduces its journal, step through it, and branch it")
        .WithExample("replay", "exercise-record.json", "--policy", "preserve-then-mla", "--at", "2d");
    config.AddCommand<NewCommand>("new").WithDescription("Write a small, valid, commented scenario to start from")
        .WithExample("new", "phishing-exercise", "--states", "3");
    config.AddBranch("report", report =>
    {
        report.SetDescription("Reports as self-contained HTML (prints to A4) and JSON, written into --out");
        report.AddCommand<ReportAarCommand>("aar").WithDescription("The after-action report and improvement plan of one run")
            .WithExample("report", "aar", "hospital-ransomware", "--seed", "1", "--policy", "mla-only", "--out", "reports");
        report.AddCommand<ReportTransparencyCommand>("transparency").WithDescription("Requests by instrument and outcome, refusal grounds, durations, emergency use; of one run or across runs")
            .WithExample("report", "transparency", "hospital-ransomware", "--runs", "200", "--out", "reports");
        report.AddCommand<ReportCompareCommand>("compare").WithDescription("Policies and what-if overlays over many runs, with charts (what `simulator compare` prints)")
            .WithExample("report", "compare", "hospital-ransomware", "--runs", "200", "--overlay", "belmark-ratifies-second-protocol", "--out", "reports");
    });
    config.AddBranch("msel", msel =>
    {
        msel.SetDescription("The MSEL (the scenario's injects) as CSV, for planning the timeline in a spreadsheet");
        msel.AddCommand<MselExportCommand>("export").WithDescription("Write the scenario's injects as CSV");
        msel.AddCommand<MselImportCommand>("import").WithDescription("Replace the scenario's injects with a CSV's rows, after checking the result");
    });
    config.SetExceptionHandler((exception, _) =>
    {
        switch (exception)
        {
            case FileProblemsException problems:
                foreach (var p in problems.Problems) Console.Error.WriteLine(p);
                return 1;
            case CommandAppException or ArgumentException or IOException or UnauthorizedAccessException:
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            default:
                // A fault of the simulator, not of the input: said in one line, with the trace only on request.
                Console.Error.WriteLine($"internal error: {exception.GetType().Name}: {exception.Message}");
                Console.Error.WriteLine(Environment.GetEnvironmentVariable("SIMULATOR_TRACE") == "1"
                    ? exception.ToString() : "this is a fault of the simulator, not of your input: please report it (set SIMULATOR_TRACE=1 for the details)");
                return 3;
        }
    });
});
return app.Run(args);
