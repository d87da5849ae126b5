// The evidence locker: what this state secured, with its content hash, records and chain of custody.
import { el, fill, when } from "../format.js";
import { panel, bodyOf } from "./panel.js";

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
          : el("span", { class: "pill bad", dataset: { custody: "broken" } }, "custody NOT verified")),
      el("div", { class: "small muted" }, `secured ${when(e.securedAt)} by ${e.securedBy} · sha256 ${e.contentSha256?.slice(0, 16)}…`),
      el("ol", { class: "small" }, e.custody.map(c => el("li", {}, `${when(c.at)} ${c.action} by ${c.holder}${c.via ? ` via ${c.via}` : ""}`))),
      e.records?.length ? el("details", { class: "small" }, el("summary", {}, `${e.records.length} records`),
        el("pre", { class: "mono" }, e.records.slice(0, 20).join("\n"))) : null)));
  }
}
