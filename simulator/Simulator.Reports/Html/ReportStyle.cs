namespace Simulator.Reports.Html;

/// <summary>
/// The one stylesheet of every report, inlined into each page. Screen: a readable column. Print: A4, each major
/// section on a new page, rows and figures never split, table headers repeated, colours kept (charts also
/// differ by pattern and dash, so they survive greyscale).
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --soft: #f3f3f0; --accent: #1f4e79; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; max-width: 1060px; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.9rem; margin: 0.1rem 0 0.3rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
p { margin: 0.35rem 0; }
a { color: var(--accent); }
code { font-family: "Cascadia Mono", "DejaVu Sans Mono", Consolas, monospace; font-size: 0.86em; background: var(--soft); padding: 0 0.2em; border-radius: 2px; overflow-wrap: anywhere; }
.kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.subtitle { color: var(--muted); margin-bottom: 0.8rem; }
header.report-header { border-bottom: 3px solid var(--ink); padding-bottom: 0.8rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.86rem; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #e8ecf0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.instruments td:first-child { min-width: 16em; }
table.provenance { width: auto; font-size: 0.84rem; margin-top: 0.6rem; }
table.provenance th { background: none; border: none; padding: 1px 14px 1px 0; font-weight: 600; color: var(--muted); }
table.provenance td { border: none; padding: 1px 0; }
nav.toc ol { columns: 2; margin: 0.3rem 0; padding-left: 1.4rem; }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 0.6rem 0 1rem; }
.summary div { border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 6px 12px; min-width: 130px; }
.summary b { display: block; font-size: 1.35rem; }
.summary span { font-size: 0.8rem; color: var(--muted); }
.finding { border: 1px solid var(--rule); border-left: 5px solid var(--accent); padding: 6px 10px 8px; margin: 0 0 10px; }
.finding.strength { border-left-color: #1b7837; }
.finding.area { border-left-color: #b2182b; border-left-style: double; border-left-width: 6px; }
.finding h3 { margin: 0 0 0.2rem; font-size: 0.98rem; }
.finding .meta { font-size: 0.8rem; color: var(--muted); margin: 0 0 0.3rem; }
.finding ul { margin: 0.2rem 0 0.3rem; padding-left: 1.2rem; font-size: 0.86rem; }
ul.events { list-style: none; padding-left: 0; font-size: 0.8rem; margin: 0.3rem 0 0; border-top: 1px dotted var(--rule); padding-top: 0.25rem; }
ul.events li { margin: 1px 0; }
.seq { display: inline-block; min-width: 3.2em; font-weight: 600; font-variant-numeric: tabular-nums; }
.when { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.4em; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 5px; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
.badge-met, .badge-taken, .badge-averted, .badge-produced { color: #14602b; background: #e6f2e8; }
.badge-partially-met, .badge-for-the-evaluator, .badge-skipped, .badge-pending { color: #6b4e00; background: #fbf3dc; border-style: dashed; }
.badge-not-met, .badge-not-taken, .badge-consequence, .badge-refused { color: #8c1020; background: #f9e3e5; border-width: 2px; }
.badge-not-rated, .badge-nothing-found, .badge-withdrawn { color: #444; background: #eee; border-style: dotted; }
figure.chart { margin: 0.6rem 0 1.2rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 0.8rem; color: var(--muted); margin-top: 0.2rem; }
.note { font-size: 0.84rem; color: var(--muted); }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; font-size: 0.78rem; color: var(--muted); }
@page { size: A4; margin: 14mm 13mm 16mm; @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  section.major { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, figure, .finding, .summary, table.provenance { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  nav.toc { break-after: avoid; }
}
""";
}
