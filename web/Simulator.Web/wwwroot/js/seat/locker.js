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
      this.terms(e),
      el("ol", { class: "small" }, e.custody.map(c => el("li", {}, `${when(c.at)} ${c.action} by ${c.holder}${c.via ? ` via ${c.via}` : ""}`))),
      e.records?.length ? el("details", { class: "small" }, el("summary", {}, `${e.records.length} records`),
        el("pre", { class: "mono" }, e.records.slice(0, 20).join("\n"))) : null)));
  }

  /**
   * The purpose and conditions the item was given under (docs/safeguards.md, purpose limitation), the uses made of it,
   * and the uses another investigation or state wants: asking the giving state's consent first where its terms need
   * it, and saying plainly that using it without that consent is a violation.
   */
  terms(e) {
    if (!e.terms) return null;
    const target = w => w.kind === "onward-transfer" ? `pass it on to ${w.for}` : `use it in ${w.for}`;
    return el("div", { class: "small", dataset: { terms: e.evidence } },
      el("div", {}, el("strong", {}, "Given for: "), e.terms.terms),
      (e.uses ?? []).map(u => el("div", { class: u.violation ? "bad" : "", dataset: { use: `${u.kind}:${u.for}` } },
        `${u.kind === "onward-transfer" ? "passed on to" : "used in"} ${u.for} by ${u.by}, ${when(u.at)}`,
        u.violation ? " — WITHOUT the consent it needed: a violation" : u.consent ? ` — with consent (${u.consent})` : " — no consent needed")),
      (e.wanted ?? []).map(w => el("div", { class: "card", role: "note", dataset: { wanted: w.use } },
        el("div", {}, `Wanted: ${target(w)}. ${w.note}`),
        w.needsConsent
          ? el("div", { class: w.consentState === "granted" ? "" : "warn" }, w.consent
            ? `Consent ${w.consent}: ${w.consentState}.`
            : `${e.terms.giver}'s consent is needed first (${e.terms.limits.find(l => l.use === w.kind)?.source ?? "its terms"}); using it without that consent is a violation.`)
          : el("div", {}, "No consent is needed for this use."),
        el("div", { class: "row" },
          w.needsConsent && !w.consent ? el("button", { class: "secondary", onclick: () => this.seat.act("AskUseConsent", e.evidence, w.kind === "other-investigation" ? w.for : null, w.kind === "onward-transfer" ? w.for : null, null) }, `Ask ${e.terms.giver}'s consent`) : null,
          el("button", { class: w.needsConsent && w.consentState !== "granted" ? "danger" : "secondary",
            onclick: () => this.seat.act("UseEvidence", e.evidence, w.kind === "other-investigation" ? w.for : null, w.kind === "onward-transfer" ? w.for : null, null) },
            w.needsConsent && w.consentState !== "granted" ? `${target(w)} without consent` : target(w))))));
  }
}
