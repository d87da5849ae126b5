// The incident feed: the injects delivered to this state or seat, newest first, with what this browser has read.
import { el, fill, when } from "../format.js";
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
      : el("div", { class: "feed" }, injects.map(i => {
        const isNew = this.marks.isNew(i.inject);
        return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { inject: i.inject }, onclick: () => this.markRead(i.inject) },
          el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null,
            el("strong", {}, i.title), el("span", { class: "small muted" }, when(i.at)), i.onDemand ? el("span", { class: "pill muted" }, "on demand") : null),
          el("p", { class: "small" }, i.text));
      })));
  }

  markRead(id) { this.marks.mark(id); this.render(); }
  markAllRead() { this.marks.mark(...this.seat.view.injects.map(i => i.inject)); this.render(); }
}
