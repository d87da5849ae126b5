// Requests for consent to use evidence beyond the purpose it was given for (docs/safeguards.md, purpose limitation):
// those this state asked, and those it must answer as the state that gave the evidence. Its central authority
// answers: grant, or refuse with the reason the other state is told.
import { el, fill, when, statePill } from "../format.js";
import { panel, bodyOf } from "./panel.js";

export class ConsentsPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("consents", "Consent to other uses");
  }

  render() {
    const seat = this.seat, body = bodyOf(this.element);
    const list = seat.view.consents ?? [];
    this.element.hidden = list.length === 0;
    if (list.length === 0) { fill(body); return; }
    fill(body, list.map(c => {
      const mine = c.answerer === seat.view.seat && c.state === "asked";
      const reason = el("input", { type: "text", maxlength: 1000, "aria-label": `Reason for refusing ${c.consent}`, placeholder: "reason (required to refuse)" });
      return el("article", { class: "card", dataset: { consent: c.consent } },
        el("div", { class: "row" }, el("code", {}, c.consent), statePill(c.state),
          el("span", { class: "small" }, `${c.askedBy} asks ${c.giver}: ${c.kind === "onward-transfer" ? `pass ${c.evidence} on to ${c.for}` : `use ${c.evidence} in ${c.for}`}`)),
        el("div", { class: "small muted" }, `asked ${when(c.askedAt)} · ${c.source}`),
        c.reason ? el("div", { class: "small", role: "note" }, `Reason: ${c.reason}`) : null,
        mine ? el("div", { class: "row" }, reason,
          el("button", { onclick: () => seat.act("AnswerUseConsent", c.consent, true, reason.value || null) }, "Grant"),
          el("button", { class: "danger", onclick: () => seat.act("AnswerUseConsent", c.consent, false, reason.value || null) }, "Refuse")) : null);
    }));
  }
}
