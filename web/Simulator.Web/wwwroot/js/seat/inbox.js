// The inbox: foreign requests to this state, with their particulars, and for the reviewing seat the review against
// the rules and the answer (approve, refuse on a ground open to it, or ask for clarification).
import { el, fill, countdown, statePill, isClosed, when } from "../format.js";
import { openDialog } from "../dialog.js";
import { panel, bodyOf } from "./panel.js";
import { ReadMarks } from "./read-marks.js";
import { scopeNote } from "./scope-note.js";
import { conditionsNote } from "./conditions-note.js";

// Every check a review may ask for; the server says which apply to a request (dual criminality only where a ground
// for its lack is open to this state), and only those are shown.
const reviewChecks = [
  ["dual-criminality", "The conduct is an offence here too (dual criminality)"],
  ["complete", "The request is complete: authority, offence, facts, data sought, necessity"],
  ["proportionate", "What is asked is necessary and proportionate to the offence"],
  ["no-ground", "No refusal ground applies"],
];

const notificationClass = { open: "warn", "no-ground": "ok", objected: "bad", passed: "muted" };

/** An EU order notified to this state (REG Arts. 8, 12): where its review stands, and until when a ground may be raised. */
function notificationNote(r) {
  const n = r.notification;
  if (!n) return null;
  return el("div", { class: "small", dataset: { notification: n.status } },
    el("span", { class: `pill ${notificationClass[n.status] ?? "muted"}` }, `notified: ${n.status}`), " ", n.text,
    n.status === "open" ? [" ", countdown(n.windowEnds, "to raise a ground")] : null);
}

const mayReviewNotification = (r, seat) => r.notification?.status === "open" && r.notification.traineeDecides && r.notification.authority === seat;

/** Why a received request is not under review yet, and about when it will be (the server's estimate, from the office's queue). */
function queueText(r) {
  if (!r.queue) return "Waiting in your office's queue: the review opens when your office takes it up.";
  return `Waiting in your office's queue (${r.queue.reason}): the review opens about ${when(r.queue.estimatedStart)}.`;
}

export class InboxPanel {
  constructor(seat) {
    this.seat = seat;
    this.marks = new ReadMarks(seat.identity, "inbox-read", "inbox-unread");
    this.element = panel("inbox", "Inbox: foreign requests to answer", this.marks.badge);
  }

  render() {
    const seat = this.seat, body = bodyOf(this.element);
    const requests = seat.view.incoming;
    this.marks.count(requests.map(r => r.request));
    if (requests.length === 0) { fill(body, el("p", { class: "muted" }, "No foreign requests.")); return; }
    fill(body, requests.map(r => {
      const mine = r.reviewer === seat.identity.seat;
      const answerable = mine && r.state === "under-review";
      const p = r.particulars ?? {};
      const isNew = this.marks.isNew(r.request);
      return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { request: r.request }, tabindex: 0,
        onclick: () => this.markRead(r.request), onkeydown: e => { if (e.key === "Enter") this.markRead(r.request); } },
        el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null, el("code", {}, r.request), el("strong", {}, r.instrumentName), statePill(r.state),
          r.emergency ? el("span", { class: "pill bad" }, "emergency") : null,
          r.urgent ? el("span", { class: "pill warn" }, "urgent") : null,
          r.deadline && !isClosed(r) ? countdown(r.deadline, "to answer") : null),
        el("div", { class: "small" }, `From ${r.issuer} for ${r.evidence.join(", ")} at ${r.provider}`),
        el("dl", { class: "small" },
          el("dt", {}, "Offence"), el("dd", {}, p.offence ?? "— (sent without the standard template)"),
          el("dt", {}, "Facts"), el("dd", {}, p.facts ?? "—"),
          el("dt", {}, "Necessity"), el("dd", {}, p.necessity ?? "—"),
          r.emergency || r.urgent ? [el("dt", {}, "Urgency"), el("dd", {}, p.urgency ?? "—")] : null),
        r.scope?.excess.length || r.scope?.narrowed ? scopeNote(r.scope, { reviewer: true }) : null,
        r.clarifications?.length ? el("div", { class: "small" }, `Clarifications: ${r.clarifications.join(" / ")}`) : null,
        conditionsNote(r),
        notificationNote(r),
        mayReviewNotification(r, seat.identity.seat)
          ? el("button", { dataset: { reviewNotification: r.request }, onclick: () => this.reviewNotification(r) }, "Review notification…") : null,
        answerable ? el("button", { dataset: { review: r.request }, onclick: () => this.review(r) }, "Review and answer")
          : el("p", { class: "small muted" }, !mine ? `Reviewed by ${r.reviewer ?? "the requested side"}.`
            : r.state === "received" ? queueText(r) : ""),
        el("button", { class: "secondary", onclick: () => seat.showProcedure(r) }, "Procedure"));
    }));
  }

  markRead(id) {
    if (!this.marks.isNew(id)) return;
    this.marks.mark(id);
    this.render();
  }

  reviewNotification(r) {
    this.markRead(r.request);
    const n = r.notification;
    const ground = el("select", { id: "notification-ground" }, el("option", { value: "" }, "Raise no ground"),
      n.grounds.map(g => el("option", { value: g.id }, `Raise: ${g.description} (${g.source})`)));
    const reason = el("textarea", { id: "notification-reason", placeholder: "Your reasons, for the record" });
    const p = r.particulars ?? {};
    openDialog(`Review the order ${r.request} from ${r.issuer}`, [
      el("p", { class: "small" }, `${r.instrumentName} to ${r.provider} for ${r.evidence.join(", ")}${r.emergency ? " (emergency)" : ""}`),
      el("p", { class: "small" }, n.text),
      el("dl", { class: "small" }, el("dt", {}, "Offence"), el("dd", {}, p.offence ?? "—"), el("dt", {}, "Facts"), el("dd", {}, p.facts ?? "—")),
      el("label", {}, el("span", {}, "Decision"), ground),
      el("label", {}, el("span", {}, "Reasons"), reason),
    ], "Record decision", () => this.seat.hub.invoke("ReviewNotification", r.request, ground.value || null, reason.value || null));
  }

  review(r) {
    this.markRead(r.request);
    const answer = el("select", { id: "answer-kind" },
      el("option", { value: "approve" }, "Approve"),
      r.scope?.narrowable ? el("option", { value: "narrow" }, "Narrow to what the facts support, and approve") : null,
      el("option", { value: "refuse" }, "Refuse"),
      el("option", { value: "ask-clarification" }, "Ask for clarification"));
    const ground = el("select", { id: "answer-ground" }, el("option", { value: "" }, "— refusal ground —"),
      r.refusalGrounds.map(g => el("option", { value: g.id }, `${g.description} (${g.source})`)));
    const note = el("textarea", { id: "answer-note", placeholder: "Reasons, or the question to the issuing state" });
    // The checklist is recorded with the answer: an approval needs each check confirmed, and a refusal may not contradict one.
    // A check this console has no words for is still shown (by its id), so an approval can always confirm it.
    const applying = (r.checks ?? reviewChecks.map(([c]) => c)).map(id => reviewChecks.find(([c]) => c === id) ?? [id, id]);
    const checks = el("fieldset", { id: "answer-checks" }, el("legend", { class: "small muted" }, "Review against the rules (recorded with your answer)"),
      applying.map(([id, text]) => el("label", { class: "row small" }, el("input", { type: "checkbox", name: id }), text)));
    // Conditions on the use of what is given, where the instrument lets this state attach them to an approval.
    const conditionWords = { "other-investigation": "Not to be used in another investigation without our consent",
      "onward-transfer": "Not to be passed on to another state without our consent" };
    const conditions = r.conditionsOpen?.length ? el("fieldset", { id: "answer-conditions" },
      el("legend", { class: "small muted" }, "Conditions on the use of what you give (with an approval)"),
      r.conditionsOpen.map(c => el("label", { class: "row small" }, el("input", { type: "checkbox", name: c.use }),
        `${conditionWords[c.use] ?? c.use} (${c.source})`))) : null;
    openDialog(`Answer ${r.request} from ${r.issuer}`, [
      el("p", { class: "small" }, `${r.instrumentName}: ${r.evidence.join(", ")} at ${r.provider}`),
      scopeNote(r.scope, { reviewer: true }),
      checks,
      conditions,
      el("label", {}, el("span", {}, "Answer"), answer),
      el("label", {}, el("span", {}, "Refusal ground (to refuse)"), ground),
      el("label", {}, el("span", {}, "Note"), note),
    ], "Send answer", () => {
      if (answer.value === "refuse" && !ground.value) throw new Error("choose the refusal ground you rely on");
      const confirmed = applying.map(([id]) => id).filter(id => checks.querySelector(`input[name="${id}"]`).checked);
      const approving = answer.value === "approve" || answer.value === "narrow";
      const attached = !conditions || !approving ? [] : (r.conditionsOpen ?? []).map(c => c.use).filter(use => conditions.querySelector(`input[name="${use}"]`).checked);
      return this.seat.hub.invoke("AnswerRequestOnConditions", r.request, answer.value, ground.value || null, note.value || null, confirmed, attached);
    });
  }
}
