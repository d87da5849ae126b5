// Charts for the control room: a Gantt of requests per issuing state (Mermaid), and evidence secured vs lost over
// simulated time (plain SVG, drawn from the journal's EvidenceDelivered and EvidenceLost events).
import { el, fill, when } from "./format.js";
import { renderMermaid } from "./diagrams.js";

const pad = n => String(n).padStart(2, "0");
const stamp = iso => { const d = new Date(iso); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`; };
const safe = text => String(text).replace(/[:;#]/g, " ");

/** Mermaid Gantt text: one section per issuing state, one bar per request from drafting to closing (or now). */
export function ganttText(requests, nowIso) {
  const byState = new Map();
  for (const r of requests) {
    const state = r.issuer.split("/")[0];
    if (!byState.has(state)) byState.set(state, []);
    byState.get(state).push(r);
  }
  // A short span shows the hours on its axis; a long one days (a date repeated along the axis tells nothing).
  const times = requests.flatMap(r => [r.sentAt ?? r.draftedAt, r.closedAt ?? nowIso]).map(t => new Date(t).getTime());
  const span = Math.max(...times) - Math.min(...times);
  const lines = ["gantt", "  dateFormat YYYY-MM-DD HH:mm", `  axisFormat ${span < 3 * 86400000 ? "%d %b %H:%M" : "%d %b"}`, "  todayMarker off"];
  for (const [state, list] of [...byState].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  section ${safe(state)}`);
    for (const r of list) {
      const from = r.sentAt ?? r.draftedAt;
      let to = r.closedAt ?? nowIso;
      if (new Date(to) - new Date(from) < 3600000) to = new Date(new Date(from).getTime() + 3600000).toISOString();
      const tag = ["refused", "withdrawn", "nothing-found"].includes(r.state) ? "crit, " : r.closedAt ? "done, " : "active, ";
      lines.push(`  ${safe(`${r.request} ${r.instrument} to ${r.requestedState} (${r.state})`)} :${tag}${r.request.replace(/[^a-z0-9]/gi, "")}, ${stamp(from)}, ${stamp(to)}`);
    }
  }
  return lines.join("\n");
}

export async function drawGantt(container, requests, nowIso) {
  if (requests.length === 0) { fill(container, el("p", { class: "muted" }, "No requests yet.")); return; }
  try { await renderMermaid(container, ganttText(requests, nowIso)); }
  catch (error) { fill(container, el("p", { class: "error" }, `The timeline could not be drawn: ${error.message}`)); }
}

/** Evidence secured and lost over simulated time, as two step lines. */
export function drawSecuredVsLost(container, events, startIso, nowIso) {
  const start = new Date(startIso).getTime(), end = Math.max(new Date(nowIso).getTime(), start + 3600000);
  const series = { secured: [], lost: [] };
  const seen = { secured: new Set(), lost: new Set() };
  for (const e of events) {
    const kind = e.type === "EvidenceDelivered" ? "secured" : e.type === "EvidenceLost" ? "lost" : null;
    if (!kind) continue;
    const id = e.data.evidence;
    if (seen[kind].has(id)) continue;
    seen[kind].add(id);
    series[kind].push(new Date(e.at).getTime());
  }
  const max = Math.max(1, series.secured.length, series.lost.length);
  // Drawn at the width it is shown at, so that its labels are the 11 px they are written in (not scaled down).
  const W = Math.max(300, Math.round(container.clientWidth || 640)), H = 220, L = 36, B = 28, T = 10, R = 10;
  const x = t => L + (W - L - R) * (t - start) / (end - start);
  const y = n => T + (H - T - B) * (1 - n / max);
  const path = times => {
    let d = `M ${x(start)} ${y(0)}`, n = 0;
    for (const t of times.sort((a, b) => a - b)) { d += ` H ${x(t)} V ${y(++n)}`; }
    return d + ` H ${x(end)}`;
  };
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("width", W);
  svg.setAttribute("height", H);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Evidence secured (${series.secured.length}) and lost (${series.lost.length}) over time`);
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  add("line", { x1: L, y1: y(0), x2: W - R, y2: y(0), stroke: "#999" });
  add("line", { x1: L, y1: T, x2: L, y2: y(0), stroke: "#999" });
  for (let n = 0; n <= max; n += Math.max(1, Math.ceil(max / 5))) add("text", { x: L - 6, y: y(n) + 4, "text-anchor": "end", "font-size": 11 }, n);
  add("text", { x: L, y: H - 8, "font-size": 11 }, when(startIso));
  add("text", { x: W - R, y: H - 8, "font-size": 11, "text-anchor": "end" }, when(new Date(end).toISOString()));
  add("path", { d: path(series.secured), fill: "none", stroke: "#1b7f3b", "stroke-width": 2.5, "data-series": "secured" });
  add("path", { d: path(series.lost), fill: "none", stroke: "#b3261e", "stroke-width": 2.5, "stroke-dasharray": "6 3", "data-series": "lost" });
  fill(container, el("div", { class: "row small" },
    el("span", { style: "color:#1b7f3b" }, `━ secured ${series.secured.length}`),
    el("span", { style: "color:#b3261e" }, `┅ lost ${series.lost.length}`)), svg);
}
