// Our requests: where each stands, its deadline, and what this seat can still do with it (clarify, escalate,
// withdraw, see its procedure), and, for a judge or prosecutor, validate an order another office issued (REG Art. 4).
import { el, fill, countdown, statePill, isClosed, when } from "../format.js";
import { conditionsNote } from "./conditions-note.js";
import { openDialog } from "../dialog.js";
import { panel, bodyOf } from "./panel.js";

const validationClass = { awaiting: "warn", validated: "ok", refused: "bad", lapsed: "bad" };

/** The order's validation by its state's judge or prosecutor (REG Art. 4): who, by when, where it stands. */
function validation(r) {
  const v = r.validation;
  if (!v) return null;
  const label = v.status === "awaiting" ? (v.dueBy ? `to validate by ${when(v.dueBy)}` : `awaiting validation by ${v.validator}`) : `validation ${v.status}`;
  return el("div", { class: "small", dataset: { validation: v.status } }, el("span", { class: `pill ${validationClass[v.status] ?? "muted"}`, title: v.text }, label));
}

/** May this seat validate the order now: one of the validating offices, before it is sent, or within the period
 *  after an emergency order went first (then even once it is answered: unvalidated, what it produced is erased). */
const mayValidate = (r, seat) => r.validation?.status === "awaiting" && r.validation.mayValidate.includes(seat)
  && (Boolean(r.validation.dueBy) || r.state === "awaiting-validation");

const enforcementClass = { "in-default": "bad", requested: "warn", recognised: "warn", "not-recognised": "bad", penalised: "bad", complied: "ok", "not-needed": "muted" };

/** An order whose addressee let the deadline pass, and its enforcement by the enforcing state (REG Arts. 15-16). */
function enforcement(r) {
  const e = r.enforcement;
  if (!e) return null;
  const label = { "in-default": "addressee in default", requested: "enforcement asked", recognised: "enforcement recognised",
    "not-recognised": "not enforced", penalised: "provider penalised", complied: e.penalised ? "complied after a penalty" : "complied once required",
    "not-needed": "enforcement not needed" }[e.status] ?? e.status;
  return el("div", { class: "small", dataset: { enforcement: e.status } }, el("span", { class: `pill ${enforcementClass[e.status] ?? "muted"}`, title: e.text }, label),
    el("div", { class: "small muted" }, e.text));
}

// Only the order's issuing authority tells the person or records the delay (REG Art. 13(1)); a view without the list
// (rules before 2026.12.11) leaves it to any seat of the issuing state.
function mayInform(r, seat) {
  return !!r.informing && (!r.informing.by || r.informing.by.includes(seat.identity.seat));
}

const informingClass = { due: "warn", delayed: "muted", informed: "ok" };

/** Telling the person whose data the order obtained (REG Art. 13): due, delayed with reasons, or done. */
function informing(r) {
  const i = r.informing;
  if (!i) return null;
  const label = { due: "person to be informed", delayed: "informing delayed", informed: "person informed" }[i.status] ?? i.status;
  return el("div", { class: "small", dataset: { informing: i.status } }, el("span", { class: `pill ${informingClass[i.status] ?? "muted"}`, title: i.text }, label),
    i.reason ? el("div", { class: "small muted" }, `reasons: ${i.reason}`) : null);
}

const courtClass = { awaiting: "warn", upheld: "ok", lifted: "bad", "lifted-in-part": "warn" };

/** The addressee's objection under a third country's law and the court's review of it (REG Art. 17). */
function court(r) {
  const c = r.court;
  if (!c) return null;
  const label = { awaiting: `objection: before ${c.court}`, upheld: "objection: order upheld", lifted: "objection: order lifted", "lifted-in-part": `objection: lifted for ${c.barred.join(", ")}` }[c.status] ?? c.status;
  return el("div", { class: "small", dataset: { court: c.status } }, el("span", { class: `pill ${courtClass[c.status] ?? "muted"}`, title: c.text }, label));
}

const mayReviewConflict = (r, seat) => r.court?.status === "awaiting" && r.court.traineeDecides && r.court.court === seat;

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
          r.scope?.excess.length ? el("span", { class: "pill bad", title: r.scope.excess.join("; ") }, "over-broad") : null,
          r.scope?.narrowed ? el("span", { class: "pill warn", title: "the requested state executed it for what the facts support only" }, "narrowed") : null,
          r.minimise ? el("span", { class: "pill ok", dataset: { minimised: r.recordsRedacted } },
            r.recordsRedacted ? `minimised: ${r.recordsRedacted} third-party records redacted` : "minimised production") : null,
          validation(r),
          enforcement(r),
          informing(r),
          court(r),
          conditionsNote(r),
          r.refusalGround ? el("div", { class: "small error" }, `ground: ${r.refusalGround}`) : null,
          r.clarifications?.length ? el("div", { class: "small" }, `asked: ${r.clarifications.at(-1)}`) : null),
        el("td", {}, r.deadline && !isClosed(r) ? [countdown(r.deadline), el("div", { class: "small muted" }, r.deadlineStatus)] : r.deadlineStatus ?? "—"),
        el("td", { class: "row" },
          r.state === "awaiting-clarification" ? el("button", { class: "secondary", onclick: () => this.clarify(r) }, "Clarify") : null,
          mayValidate(r, seat.identity.seat) ? el("button", { dataset: { validate: r.request }, onclick: () => this.validate(r) }, "Validate…") : null,
          mayReviewConflict(r, seat.identity.seat) ? el("button", { dataset: { reviewConflict: r.request }, onclick: () => this.reviewConflict(r) }, "Review objection…") : null,
          mayInform(r, seat) && r.informing.status !== "informed" ? el("button", { class: "secondary", dataset: { inform: r.request }, onclick: () => seat.act("InformPerson", r.request, false, null) }, "Inform the person") : null,
          mayInform(r, seat) && r.informing.status === "due" ? el("button", { class: "secondary", dataset: { delayInforming: r.request }, onclick: () => this.delayInforming(r) }, "Delay informing…") : null,
          r.enforcement?.mayAsk ? el("button", { dataset: { enforce: r.request }, onclick: () => seat.act("EnforceOrder", r.request, null) }, "Ask for enforcement") : null,
          !isClosed(r) && !["draft", "awaiting-validation"].includes(r.state) ? el("button", { class: "secondary", onclick: () => seat.act("Escalate", r.request) }, "Escalate") : null,
          !isClosed(r) && !["approved", "executing"].includes(r.state) ? el("button", { class: "secondary", onclick: () => seat.act("Withdraw", r.request) }, "Withdraw") : null,
          el("button", { class: "secondary", onclick: () => seat.showProcedure(r) }, "Procedure")))))));
  }

  validate(r) {
    const decision = el("select", { id: "validate-decision" }, el("option", { value: "yes" }, "Validate the order"), el("option", { value: "no" }, "Refuse to validate"));
    const note = el("textarea", { id: "validate-note", placeholder: "Your examination; to refuse, what the order does not meet" });
    const p = r.particulars ?? {};
    openDialog(`Validate ${r.request} from ${r.issuer}`, [
      el("p", { class: "small" }, `${r.instrumentName} to ${r.requestedState} for ${r.evidence.join(", ")} at ${r.provider}${r.emergency ? " (emergency)" : ""}`),
      el("p", { class: "small" }, r.validation.text),
      el("dl", { class: "small" }, el("dt", {}, "Offence"), el("dd", {}, p.offence ?? "—"), el("dt", {}, "Facts"), el("dd", {}, p.facts ?? "—"),
        el("dt", {}, "Necessity"), el("dd", {}, p.necessity ?? "—")),
      el("label", {}, el("span", {}, "Decision"), decision),
      el("label", {}, el("span", {}, "Note"), note),
    ], "Record decision", () => {
      if (decision.value === "no" && !note.value.trim()) throw new Error("give the reason for refusing validation");
      return this.seat.hub.invoke("ValidateRequest", r.request, decision.value === "yes", note.value || null);
    });
  }

  reviewConflict(r) {
    const decision = el("select", { id: "court-decision" }, el("option", { value: "uphold" }, "Uphold the order"), el("option", { value: "lift" }, "Lift the order"));
    const reason = el("textarea", { id: "court-reason", placeholder: "The court's reasons; to lift, the interests the third country's law protects and the case's connection to it" });
    openDialog(`Review the objection to ${r.request}`, [
      el("p", { class: "small" }, `${r.instrumentName} to ${r.provider} for ${r.evidence.join(", ")}`),
      el("p", { class: "small" }, r.court.text),
      el("label", {}, el("span", {}, "Decision"), decision),
      el("label", {}, el("span", {}, "Reasons"), reason),
    ], "Record decision", () => {
      if (decision.value === "lift" && !reason.value.trim()) throw new Error("give the court's reasons for lifting the order");
      return this.seat.hub.invoke("ReviewConflict", r.request, decision.value === "uphold", reason.value || null);
    });
  }

  delayInforming(r) {
    const reason = el("textarea", { id: "delay-informing-reason", placeholder: "Why telling them now would obstruct the investigation, or another reason of Directive 2016/680 Art. 13(3)" });
    openDialog(`Delay informing the person whose data ${r.request} obtained`, [el("p", { class: "small" }, r.informing.text), el("label", {}, el("span", {}, "Reasons, for the case file"), reason)],
      "Record the delay", () => {
        if (!reason.value.trim()) throw new Error("give the reasons for delaying (REG Art. 13(2))");
        return this.seat.hub.invoke("InformPerson", r.request, true, reason.value);
      });
  }

  clarify(r) {
    const note = el("textarea", { id: "clarify-note", placeholder: "The answer to their question" });
    openDialog(`Clarify ${r.request}`, [el("p", { class: "small" }, `They asked: ${r.clarifications?.at(-1) ?? ""}`), note],
      "Send clarification", () => this.seat.hub.invoke("Clarify", r.request, note.value));
  }
}
