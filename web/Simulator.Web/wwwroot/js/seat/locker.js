// The evidence locker: what this state secured, with its content hash, records and chain of custody, and what the
// trial at the end would make of each item now (admissible, under challenge, excluded: docs/safeguards.md), so the
// seat is warned while there is still time to ask again, narrowly.
import { el, fill, when } from "../format.js";
import { panel, bodyOf } from "./panel.js";

const verdictClass = { admissible: "ok", "admissible-under-challenge": "warn", excluded: "bad" };
const verdictText = { admissible: "admissible at trial", "admissible-under-challenge": "at trial: open to challenge", excluded: "at trial: would be excluded" };

export class LockerPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("locker", "Evidence locker");
  }

  render() {
    const body = bodyOf(this.element);
    const items = this.seat.view.evidence;
    if (items.length === 0) { fill(body, el("p", { class: "muted" }, "Nothing secured yet.")); return; }
    fill(body, items.map(e => el("article", { class: "card", dataset: { evidence: e.evidence } },
      el("div", { class: "row" }, el("code", {}, e.evidence), el("span", { class: "small" }, e.category),
        e.custodyVerified ? el("span", { class: "pill ok", dataset: { custody: "verified" } }, "custody verified")
          : el("span", { class: "pill bad", dataset: { custody: "broken" } }, "custody NOT verified"),
        e.admissibility ? el("span", { class: `pill ${verdictClass[e.admissibility] ?? "muted"}`, dataset: { admissibility: e.admissibility } }, verdictText[e.admissibility] ?? e.admissibility) : null),
      e.admissibilityReason ? el("div", { class: "small", role: e.admissibility === "admissible" ? null : "note" }, e.admissibilityReason) : null,
      el("div", { class: "small muted" }, `secured ${when(e.securedAt)} by ${e.securedBy} · sha256 ${e.contentSha256?.slice(0, 16)}…`),
      el("ol", { class: "small" }, e.custody.map(c => el("li", {}, `${when(c.at)} ${c.action} by ${c.holder}${c.via ? ` via ${c.via}` : ""}`))),
      e.records?.length ? el("details", { class: "small" }, el("summary", {}, `${e.records.length} records`),
        el("pre", { class: "mono" }, e.records.slice(0, 20).join("\n"))) : null)));
  }
}
