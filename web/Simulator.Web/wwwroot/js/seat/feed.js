// The incident feed: the injects delivered to this seat (or its whole state), or referred to it by a colleague,
// newest first, with what this browser has read; each can be answered (a status report, a press line, a decision,
// a note) or referred to another office of the state.
import { el, fill, when } from "../format.js";
import { openDialog } from "../dialog.js";
import { panel, bodyOf } from "./panel.js";
import { ReadMarks } from "./read-marks.js";

export class FeedPanel {
  constructor(seat) {
    this.seat = seat;
    this.marks = new ReadMarks(seat.identity, "read", "unread-count"); // "read:": the key earlier consoles kept
    this.element = panel("feed", "Incident feed", this.marks.badge,
      el("button", { class: "secondary small", id: "mark-read", onclick: () => this.markAllRead() }, "Mark all read"));
  }

  render() {
    const injects = [...this.seat.view.injects].sort((a, b) => b.at.localeCompare(a.at));
    this.marks.count(injects.map(i => i.inject));
    fill(bodyOf(this.element), injects.length === 0
      ? el("p", { class: "muted" }, "Nothing has happened yet.")
      : el("div", { class: "feed", tabindex: 0, role: "region", "aria-label": "Injects" }, injects.map(i => {
        const isNew = this.marks.isNew(i.inject);
        const answers = (this.seat.view.responses ?? []).filter(r => r.inject === i.inject);
        return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { inject: i.inject }, tabindex: 0,
          onclick: () => this.markRead(i.inject), onkeydown: e => { if (e.key === "Enter" && e.target === e.currentTarget) this.markRead(i.inject); } },
          el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null,
            el("strong", {}, i.title), el("span", { class: "small muted" }, when(i.at)), i.onDemand ? el("span", { class: "pill muted" }, "on demand") : null,
            answers.length ? el("span", { class: "pill ok" }, "answered") : null),
          i.referredBy ? el("div", { class: "small muted", dataset: { referredBy: i.referredBy } }, `Referred by ${i.referredBy}${i.referralNote ? `: ${i.referralNote}` : ""}`) : null,
          el("p", { class: "small" }, i.text),
          answers.map(a => el("div", { class: "small answer" }, el("strong", {}, `Your ${a.kind.replaceAll("-", " ")} (${when(a.at)}): `), a.text)),
          el("div", { class: "row" },
            el("button", { class: "secondary small", dataset: { answer: i.inject }, onclick: e => { e.stopPropagation(); this.answer(i); } }, "Answer"),
            el("button", { class: "secondary small", dataset: { refer: i.inject }, onclick: e => { e.stopPropagation(); this.refer(i); } }, "Refer"),
            el("button", { class: "secondary small", dataset: { discuss: i.inject }, onclick: e => { e.stopPropagation(); this.seat.messages.write(null, i.inject); } }, "Write about it")));
      })));
  }

  markRead(id) { this.marks.mark(id); this.render(); }

  /** Answers an inject that asks for something other than a request; the answer is on record for the debrief. */
  answer(inject) {
    this.markRead(inject.inject);
    const kind = el("select", { id: "answer-inject-kind" }, [["status-report", "Status report"], ["press-line", "Press line or holding statement"],
      ["decision", "Decision"], ["note", "Note"]].map(([v, t]) => el("option", { value: v }, t)));
    const text = el("textarea", { id: "answer-inject-text", maxlength: 4000, required: true });
    openDialog(`Answer: ${inject.title}`, [
      el("p", { class: "small" }, inject.text),
      el("label", {}, el("span", {}, "Kind"), kind),
      el("label", {}, el("span", {}, "Your answer"), text),
    ], "Put on record", () => this.seat.hub.invoke("RespondToInject", inject.inject, kind.value, text.value));
  }

  /** Hands the inject to a colleague, who then has it in its feed with the note. */
  refer(inject) {
    this.markRead(inject.inject);
    const colleagues = this.seat.view.colleagues ?? [];
    const to = el("select", { id: "refer-to" }, colleagues.map(c => el("option", { value: c.seat }, `${c.seat} (${c.playedBy})`)));
    const note = el("textarea", { id: "refer-note", maxlength: 1000, placeholder: "Why it is theirs, what you need from them" });
    openDialog(`Refer: ${inject.title}`, [
      el("label", {}, el("span", {}, "To"), to),
      el("label", {}, el("span", {}, "Note"), note),
    ], "Refer", () => this.seat.hub.invoke("Refer", inject.inject, to.value, note.value || null));
  }
  markAllRead() { this.marks.mark(...this.seat.view.injects.map(i => i.inject)); this.render(); }
}
