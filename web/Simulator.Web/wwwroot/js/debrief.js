// The trainer's debrief: step through the exercise's timeline event by event, branch it from the moment on screen
// (a policy plays the trainees' seats, and/or a what-if overlay changes the law), compare the branch with what
// happened, and download the exercise record and the reports. Everything here is computed on the server's core
// from the exercise's record (GET /api/exercises/{id}/timeline, POST .../branch); nothing changes the exercise.
import { el, fill, when, exerciseDay, reason, statePill } from "./format.js";

const policies = ["preserve-then-mla", "mla-only", "direct-orders-first", "emergency-aware", "everything-fastest"];

async function api(path, key, options = {}) {
  const response = await fetch(path, { ...options, headers: { "X-Exercise-Key": key, "Content-Type": "application/json", ...(options.headers ?? {}) } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return response;
}

/** Downloads a file from the API (the key travels in a header, so a plain link cannot carry it). */
async function download(path, key, name) {
  const blob = await (await api(path, key)).blob();
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export class DebriefPanel {
  constructor(body, exerciseId, key, start, scenario) {
    this.body = body;
    this.scenario = scenario;
    this.exerciseId = exerciseId;
    // What the REST API is called with: a function when it can change (the trainer's token is renewed when it expires).
    this.keyOf = typeof key === "function" ? key : () => key;
    this.start = start;
    this.timeline = [];
    this.index = 0;
    this.error = el("p", { class: "error", id: "debrief-error", role: "alert" });
    this.build();
  }

  build() {
    const base = `/api/exercises/${this.exerciseId}`;
    const get = (path, name) => async () => {
      this.error.textContent = "";
      try { await download(`${base}${path}`, this.keyOf(), name); } catch (e) { this.error.textContent = reason(e); }
    };
    this.downloads = el("div", { class: "row", id: "debrief-downloads" },
      el("button", { id: "download-aar", onclick: get("/reports/aar.html", `${this.exerciseId}-after-action-report.html`) }, "After-action report and improvement plan"),
      el("button", { class: "secondary", id: "download-aar-json", onclick: get("/reports/aar.json", `${this.exerciseId}-after-action-report.json`) }, "(JSON)"),
      el("button", { id: "download-transparency", onclick: get("/reports/transparency.html", `${this.exerciseId}-transparency-report.html`) }, "Transparency report"),
      el("button", { class: "secondary", id: "download-transparency-json", onclick: get("/reports/transparency.json", `${this.exerciseId}-transparency-report.json`) }, "(JSON)"),
      el("button", { class: "secondary", id: "download-record", onclick: get("/record", `${this.exerciseId}-record.json`) }, "Exercise record (JSON, for simulator replay)"),
      el("button", { class: "secondary", id: "download-communications", onclick: get("/communications.csv", `${this.exerciseId}-communications.csv`) }, "Messages, referrals and answers (CSV)"),
      el("button", { class: "secondary", id: "download-communications-json", onclick: get("/communications.json", `${this.exerciseId}-communications.json`) }, "(JSON)"));
    this.ended = el("p", { class: "small", id: "debrief-ended" }, "Reports can be downloaded at any time; until the exercise ends, objective ratings in them are provisional.");
    this.stepper = el("div", { class: "stack", id: "timeline-stepper" },
      el("p", { class: "muted small" }, "Step through everything that happened, then branch from any moment."),
      el("button", { id: "timeline-load", onclick: () => this.load() }, "Load the timeline"));
    fill(this.body, el("div", { class: "stack" }, this.ended, this.downloads, this.stepper, this.error));
  }

  /** When the exercise ends, the debrief is what the trainer needs next: say so where the reports are. */
  onClock(clock) {
    if (!clock.ended || this.ended.dataset.state === "ended") return;
    this.ended.dataset.state = "ended";
    this.ended.className = "ok";
    this.ended.textContent = "The exercise has ended: the reports below are final. Download them for the hot wash and the after-action meeting.";
  }

  async load() {
    this.error.textContent = "";
    try {
      this.timeline = await (await api(`/api/exercises/${this.exerciseId}/timeline`, this.keyOf())).json();
      this.overlays = await (await fetch(`/api/overlays${this.scenario ? `?scenario=${encodeURIComponent(this.scenario)}` : ""}`)).json();
    } catch (e) { this.error.textContent = reason(e); return; }
    this.index = this.timeline.length - 1;
    this.slider = el("input", { type: "range", id: "timeline-slider", min: 0, max: this.timeline.length - 1, value: this.index, "aria-label": "event",
      oninput: () => this.show(Number(this.slider.value)) });
    this.current = el("div", { id: "timeline-current" });
    this.context = el("div", { class: "feed small", id: "timeline-context", tabindex: 0, role: "region", "aria-label": "Events around this one" });
    this.state = el("p", { class: "small", id: "timeline-state" });
    this.result = el("div", { id: "branch-result" });
    const policy = el("select", { id: "branch-policy", "aria-label": "policy that takes over" },
      el("option", { value: "" }, "trainees keep their seats"), policies.map(p => el("option", { value: p }, `${p} takes the trainees' seats`)));
    const overlay = el("select", { id: "branch-overlay", "aria-label": "what-if overlay" },
      el("option", { value: "" }, "the law as it was"), (this.overlays ?? []).map(o => el("option", { value: o.id }, o.title)));
    const toEnd = el("input", { type: "checkbox", id: "branch-to-end" });
    fill(this.stepper,
      el("div", { class: "row" },
        el("button", { class: "secondary", id: "timeline-first", onclick: () => this.show(0) }, "« first"),
        el("button", { class: "secondary", id: "timeline-previous", onclick: () => this.show(this.index - 1) }, "◀ previous"),
        el("button", { class: "secondary", id: "timeline-next", onclick: () => this.show(this.index + 1) }, "next ▶"),
        el("button", { class: "secondary", id: "timeline-next-decision", onclick: () => this.nextDecision() }, "next decision ▶▶"),
        this.slider),
      this.current, this.state, this.context,
      el("h3", {}, "Branch from this moment"),
      el("div", { class: "row" }, policy, overlay, el("label", { class: "row small" }, toEnd, "play to the scenario's end"),
        el("button", { id: "branch-play", onclick: () => this.branch(policy.value, overlay.value, toEnd.checked) }, "Play the branch")),
      this.result);
    this.show(this.index);
  }

  show(index) {
    if (!this.timeline.length) return;
    this.index = Math.max(0, Math.min(this.timeline.length - 1, index));
    this.slider.value = this.index;
    const e = this.timeline[this.index];
    fill(this.current, el("p", {}, el("strong", {}, `#${e.sequence} · ${when(e.at)} UTC · ${exerciseDay(e.at, this.start)}`), " ",
      e.decision ? el("span", { class: "pill ok" }, "decision") : el("span", { class: "pill muted" }, e.type)),
      el("p", { class: "mono", dataset: { sequence: e.sequence } }, e.summary));
    // Where things stood at this event, counted from the timeline so far.
    const upTo = this.timeline.slice(0, this.index + 1);
    const count = type => upTo.filter(x => x.type === type).length;
    const n = (k, one, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
    this.state.textContent = `So far: ${n(count("RequestDrafted"), "request")} drafted, ${n(count("EvidenceDelivered"), "item")} delivered, ` +
      `${count("EvidenceLost")} lost, ${n(count("RequestRefused"), "refusal")}, ${n(upTo.filter(x => x.decision).length, "decision")}.`;
    const from = Math.max(0, this.index - 6);
    fill(this.context, el("table", {}, el("tbody", {}, this.timeline.slice(from, this.index + 6).map((x, i) => el("tr", { class: from + i === this.index ? "current" : "" },
      el("td", { class: "muted" }, `#${x.sequence}`), el("td", { class: "muted" }, when(x.at)), el("td", {}, x.decision ? el("strong", {}, x.summary) : x.summary))))));
  }

  nextDecision() {
    const next = this.timeline.findIndex((x, i) => i > this.index && x.decision);
    this.show(next < 0 ? this.timeline.length - 1 : next);
  }

  async branch(policy, overlay, toEnd) {
    this.error.textContent = "";
    const at = this.timeline[this.index]?.at;
    fill(this.result, el("p", { class: "muted" }, "Playing the branch…"));
    try {
      const body = { at: policy ? at : null, policy: policy || null, overlay: overlay || null, toEnd };
      const r = await (await api(`/api/exercises/${this.exerciseId}/branch`, this.keyOf(), { method: "POST", body: JSON.stringify(body) })).json();
      this.showBranch(r);
    } catch (e) { fill(this.result); this.error.textContent = reason(e); }
  }

  showBranch(r) {
    const changed = r.items.filter(i => i.happened !== i.branch);
    const row = (label, a, b) => el("tr", {}, el("th", {}, label), el("td", {}, String(a ?? "—")), el("td", {}, String(b ?? "—")));
    fill(this.result,
      el("p", {}, el("strong", {}, "Branch: "), r.description),
      r.changes ? el("ul", { class: "small" }, r.changes.map(c => el("li", {}, `${c.change}: ${c.before} → ${c.after}`))) : null,
      r.faithfulBeforeBranchPoint === true ? el("p", { class: "small ok", id: "branch-faithful" }, `The branch repeats what happened exactly up to the hand-over (its first ${r.branchPoint} events).`)
        : r.faithfulBeforeBranchPoint === false ? el("p", { class: "small error" }, "The branch departs from what happened before the hand-over.") : null,
      r.notReplayed.length ? el("div", { class: "small" }, el("p", {}, "Decisions that no longer apply:"),
        el("ul", {}, r.notReplayed.map(d => el("li", {}, `#${d.sequence} ${d.decision}: ${d.message}`)))) : null,
      el("table", { id: "branch-summary" }, el("thead", {}, el("tr", {}, el("th", {}, ""), el("th", {}, "what happened"), el("th", {}, "branch"))),
        el("tbody", {},
          row("secured", `${r.happened.secured} of ${r.happened.evidence}`, `${r.branch.secured} of ${r.branch.evidence}`),
          row("preserved", r.happened.preserved, r.branch.preserved),
          row("lost", r.happened.lost, r.branch.lost),
          row("refused", r.happened.refused, r.branch.refused),
          row("requests", r.happened.requests, r.branch.requests))),
      changed.length === 0 ? el("p", { class: "muted" }, "No evidence item's fate changed.")
        : el("table", { id: "branch-items" }, el("thead", {}, el("tr", {}, ["Evidence", "Holder", "What happened", "Branch"].map(h => el("th", {}, h)))),
          el("tbody", {}, changed.map(i => el("tr", { dataset: { evidence: i.evidence } },
            el("td", {}, i.evidence), el("td", { class: "small" }, i.holder),
            el("td", {}, statePill(i.happened), el("div", { class: "small muted" }, i.happenedReason)),
            el("td", {}, statePill(i.branch), el("div", { class: "small muted" }, i.branchReason)))))));
  }
}
