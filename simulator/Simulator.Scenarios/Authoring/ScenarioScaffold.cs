using System.Text.RegularExpressions;

namespace Simulator.Scenarios.Authoring;

/// <summary>
/// A new scenario to start from (`simulator new`): a small, valid and playable file with every section present and
/// a comment on each, so an author edits rather than starts from a blank page. Two to six invented states: the
/// first investigates, the others hold evidence.
/// </summary>
public static partial class ScenarioScaffold
{
    private static readonly (string Id, string Name, string Offset)[] States =
    [
        ("NA", "Norland", "+01:00"), ("ST", "Sutheria", "+02:00"), ("WE", "Westmark", "+00:00"),
        ("OR", "Orienta", "+03:00"), ("MA", "Marenia", "+01:00"), ("CA", "Calvany", "-05:00"),
    ];

    public const int MinStates = 2, MaxStates = 6;

    /// <summary>True for ids the scenario format accepts: letters, digits and hyphens.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>The scaffold's text; <paramref name="path"/> is where it will be written, named in its comments.</summary>
    public static string Create(string id, string title, int states, DateOnly start, string? path = null)
    {
        if (!IsValidId(id)) throw new ArgumentException($"'{id}' is not a scenario id: use letters, digits and hyphens, starting with a letter or digit, e.g. phishing-exercise");
        path ??= $"scenarios/{id}.yaml";
        if (states is < MinStates or > MaxStates) throw new ArgumentException($"--states must be from {MinStates} to {MaxStates}");
        var home = States[0];
        var foreign = States.Skip(1).Take(states - 1).ToArray();
        var host = foreign[0];
        var text = $$"""
            # yaml-language-server: $schema=schema/scenario.schema.json
            #
            # A new scenario made by `simulator new`. Every field is explained in docs/scenarios.md, which also has a
            # tutorial that grows a file like this one step by step. Check it as you go:
            #   simulator validate {{path}}
            # and play it headless under each policy:
            #   simulator run {{path}} --policy preserve-then-mla

            scenario: {{id}}
            title: {{Quote(title)}}
            summary: >-
              One or two sentences for the trainer choosing an exercise: what happens, where the evidence is, and
              what the exercise is about.
            start: "{{start:yyyy-MM-dd}}T06:00:00Z"
            duration: 1y                  # long enough for the slowest route you want to see end (MLA takes months)
            # The Second Protocol is not in force yet: its orders bind nobody unless the exercise rehearses it as if it were.
            as-if-in-force: [budapest-2ap]

            briefing:
              trainees: |
                Situation manual: what the trainees know at the start, who they are, and what is expected of them.
              trainer: |
                Controller notes: what the exercise tests, where each policy secures or loses the evidence (fill this
                in from `simulator run` under each policy), and when to fire the on-demand injects.

            # The states. The first investigates; the others hold evidence. `seats` are the roles trainees may take.
            jurisdictions:
              - id: {{home.Id}}
                name: {{home.Name}}
                utc-offset: "{{home.Offset}}"
                frameworks: [budapest, budapest-2ap]
                criminalises: [illegal-access, illegal-system-interference, extortion]
                capability: high
                contact-point: { staffing: around-the-clock, officers: 2 }
                central-authority: { officers: 3, queue-wait: 2w..3mo~1mo }
                seats: [investigator, prosecutor, contact-point]
            {{string.Join("\n", foreign.Select(s => $$"""

              - id: {{s.Id}}
                name: {{s.Name}}
                utc-offset: "{{s.Offset}}"
                frameworks: [budapest]
                criminalises: [illegal-access, illegal-system-interference, extortion]
                capability: medium
                contact-point: { staffing: office-hours, officers: 1 }
                central-authority: { officers: 2, queue-wait: 1mo..6mo~2mo }
                seats: [contact-point, central-authority]
            """))}}

            # Who holds the data, where, and for how long. Retention decides what a slow route loses.
            providers:
              - id: {{host.Name.ToLowerInvariant()}}-hosting
                name: {{host.Name}} Hosting
                kind: hosting
                headquarters: {{host.Id}}
                storage-in: [{{host.Id}}]
                retention: { subscriber: 1y, traffic: 14d, content: 30d }
                response-time: 5d..30d~10d
                preservation-time: 6h..2d~1d

            incidents:
              - id: intrusion
                title: Intrusion at a {{home.Name}} ministry
                investigating: {{home.Id}}
                offence: { conducts: [illegal-access, illegal-system-interference], max-penalty-years: 5 }

            # What investigators can follow, and the evidence behind each lead.
            leads:
              - id: c2-server
                incident: intrusion
                title: Command server at {{host.Name}} Hosting
                description: The intruders' malware called back to a server rented at {{host.Name}} Hosting.
                known-at: 6h
                evidence:
                  - { id: c2-traffic, holder: {{host.Name.ToLowerInvariant()}}-hosting, category: traffic, created: -3d,
                      description: "Connection logs of the server, with the operators' addresses.",
                      data: { kind: ip-log, records: 40 } }
                  - { id: c2-subscriber, holder: {{host.Name.ToLowerInvariant()}}-hosting, category: subscriber, created: -10d,
                      description: "Who rented the server, and how they paid." }

            # The MSEL: timed and conditional injects with what players are expected to do.
            injects:
              - id: report
                at: 6h
                to: [{{home.Id}}]
                title: The ministry reports the intrusion
                text: The ministry's security team found malware calling back to a server at {{host.Name}} Hosting.
                expected-action: Ask {{host.Name}} to preserve the server's logs through the 24/7 network (Budapest Art. 29).
                reveals: [c2-server]
              - id: hoster-wipes
                at: 3d
                condition: { kind: no-request-reached-provider, provider: {{host.Name.ToLowerInvariant()}}-hosting }
                to: [{{home.Id}}/investigator]
                title: The hoster wipes the server
                text: The server's contract ended and {{host.Name}} Hosting wiped it.
                expected-action: Debrief why no preservation request reached {{host.Name}} in time.
                purge: {{host.Name.ToLowerInvariant()}}-hosting

            # Objectives as exercise evaluation guides, rated automatically from the journal.
            objectives:
              - id: preserve-c2
                capability: Operational coordination - 24/7 network
                task: Request preservation of the command server's logs before day 2.
                measure: { kind: preservation-requested, evidence: c2-traffic, by: 2d }
              - id: secure-subscriber
                capability: Legal instruments - mutual legal assistance
                task: Obtain who rented the server.
                measure: { kind: evidence-secured, evidence: c2-subscriber }
            """;
        return text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, Core.Journal.JournalJson.Options);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")] // the scenario format's id

    private static partial Regex IdPattern();
}
