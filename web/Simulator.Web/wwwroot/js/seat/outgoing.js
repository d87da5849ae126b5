// Our requests: where each stands, its deadline, and what this seat can still do with it (clarify, escalate,
// withdraw, see its procedure).
import { el, fill, countdown, statePill, isClosed, when } from "../format.js";
import { openDialog } from "../dialog.js";
import { panel, bodyOf } from "./panel.js";

const fateClass = { "in-locker": "ok", preserved: "ok", produced: "ok", "secured-elsewhere": "ok", lost: "bad", lapsed: "bad", "nothing-found": "warn", released: "muted", pending: "muted" };

/** What the request has done for each of its items (preserved until…, in the locker, lost at…: why), beside its state. */
export function fates(r) {
  return el("ul", { class: "plain small fates" }, (r.fates ?? r.evidence.map(e => ({ evidence: e, fate: "pending", text: "" }))).map(f =>
    el("li", { dataset: { evidence: f.evidence, fate: f.fate } }, el("code", {}, f.evidence), " ",
      el("span", { class: `pill ${fateClass[f.fate] ?? "muted"}` }, f.text || f.fate),
      f.at && f.fate !== "in-locker" ? el("span", { class: "muted" }, ` ${f.fate === "preserved" || f.fate === "lapsed" ? "until" : ""} ${when(f.at)}`) : null)));
}

export class OutgoingPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("outgoing", "Our requests");
  }

  render() {
    const seat = this.seat, body = bodyOf(this.element);
    const requests = seat.view.outgoing;
    if (requests.length === 0) { fill(body, el("p", { class: "muted" }, "No requests sent yet.")); return; }
    fill(body, el("table", {}, el("thead", {}, el("tr", {}, ["Request", "To", "State", "Deadline", ""].map(h => el("th", {}, h)))),
      el("tbody", {}, requests.map(r => el("tr", { dataset: { request: r.request } },
        el("td", {}, el("code", {}, r.request), el("div", { class: "small" }, r.instrumentName), fates(r)),
        el("td", {}, r.requestedState, el("div", { class: "small muted" }, r.provider)),
        el("td", {}, statePill(r.state), r.emergency ? el("span", { class: "pill bad" }, "emergency") : null,
          r.urgent ? el("span", { class: "pill warn" }, "urgent") : null,
          r.refusalGround ? el("div", { class: "small error" }, `ground: ${r.refusalGround}`) : null,
          r.clarifications?.length ? el("div", { class: "small" }, `asked: ${r.clarifications.at(-1)}`) : null),
        el("td", {}, r.deadline && !isClosed(r) ? [countdown(r.deadline), el("div", { class: "small muted" }, r.deadlineStatus)] : r.deadlineStatus ?? "—"),
        el("td", { class: "row" },
          r.state === "awaiting-clarification" ? el("button", { class: "secondary", onclick: () => this.clarify(r) }, "Clarify") : null,
          !isClosed(r) && r.state !== "draft" ? el("button", { class: "secondary", onclick: () => seat.act("Escalate", r.request) }, "Escalate") : null,
          !isClosed(r) && !["approved", "executing"].includes(r.state) ? el("button", { class: "secondary", onclick: () => seat.act("Withdraw", r.request) }, "Withdraw") : null,
          el("button", { class: "secondary", onclick: () => seat.showProcedure(r) }, "Procedure")))))));
  }

  clarify(r) {
    const note = el("textarea", { id: "clarify-note", placeholder: "The answer to their question" });
    openDialog(`Clarify ${r.request}`, [el("p", { class: "small" }, `They asked: ${r.clarifications?.at(-1) ?? ""}`), note],
      "Send clarification", () => this.seat.hub.invoke("Clarify", r.request, note.value));
  }
}
