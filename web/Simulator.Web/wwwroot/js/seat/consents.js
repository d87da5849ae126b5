// Requests for consent to use evidence beyond the purpose it was given for (docs/safeguards.md, purpose limitation):
// those this state asked, and those it must answer as the state that gave the evidence. Its central authority
// answers: grant, or refuse with the reason the other state is told.
import { el, fill, when, statePill } from "../format.js";
import { panel, bodyOf } from "./panel.js";
import { openDialog } from "../dialog.js";

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
      return el("article", { class: "card", dataset: { consent: c.consent } },
        el("div", { class: "row" }, el("code", {}, c.consent), statePill(c.state),
          el("span", { class: "small" }, `${c.askedBy} asks ${c.giver}: ${c.kind === "onward-transfer" ? `pass ${c.evidence} on to ${c.for}` : `use ${c.evidence} in ${c.for}`}`)),
        el("div", { class: "small muted" }, `asked ${when(c.askedAt)} · ${c.source}`),
        c.reason ? el("div", { class: "small", role: "note" }, `Reason: ${c.reason}`) : null,
        mine ? el("div", { class: "row" },
          el("button", { onclick: () => seat.act("AnswerUseConsent", c.consent, true, null) }, "Grant"),
          el("button", { class: "danger", onclick: () => this.refuse(c) }, "Refuse…")) : null);
    }));
  }

  /** A refusal gives its reason, which the asking state is told; typed in a dialog, so the view's updates leave it alone. */
  refuse(c) {
    const reason = el("textarea", { id: "consent-reason", maxlength: 1000, placeholder: "The ground you rely on, as the other state will read it" });
    openDialog(`Refuse ${c.consent}`, [
      el("p", { class: "small" }, `${c.askedBy} asks to ${c.kind === "onward-transfer" ? `pass ${c.evidence} on to ${c.for}` : `use ${c.evidence} in ${c.for}`}.`),
      el("label", {}, el("span", {}, "Reason"), reason),
    ], "Refuse consent", () => {
      if (!reason.value.trim()) throw new Error("say why consent is refused: the other state is told");
      return this.seat.hub.invoke("AnswerUseConsent", c.consent, false, reason.value);
    });
  }
}
