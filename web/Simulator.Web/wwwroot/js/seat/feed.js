// The incident feed: the injects delivered to this state or seat, newest first, with what this browser has read.
import { el, fill, when } from "../format.js";
import { panel, bodyOf } from "./panel.js";

export class FeedPanel {
  constructor(seat) {
    this.seat = seat;
    this.readKey = `read:${seat.identity.exerciseId}:${seat.identity.seat}`;
    this.read = new Set(JSON.parse(localStorage.getItem(this.readKey) ?? "[]"));
    this.unreadBadge = el("span", { class: "pill new", id: "unread-count", hidden: true });
    this.element = panel("feed", "Incident feed", this.unreadBadge,
      el("button", { class: "secondary small", id: "mark-read", onclick: () => this.markAllRead() }, "Mark all read"));
  }

  render() {
    const injects = [...this.seat.view.injects].sort((a, b) => b.at.localeCompare(a.at));
    const unread = injects.filter(i => !this.read.has(i.inject)).length;
    this.unreadBadge.hidden = unread === 0;
    this.unreadBadge.textContent = `${unread} new`;
    fill(bodyOf(this.element), injects.length === 0
      ? el("p", { class: "muted" }, "Nothing has happened yet.")
      : el("div", { class: "feed" }, injects.map(i => {
        const isNew = !this.read.has(i.inject);
        return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { inject: i.inject }, onclick: () => this.markRead(i.inject) },
          el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null,
            el("strong", {}, i.title), el("span", { class: "small muted" }, when(i.at)), i.onDemand ? el("span", { class: "pill muted" }, "on demand") : null),
          el("p", { class: "small" }, i.text));
      })));
  }

  markRead(id) { this.read.add(id); this.save(); this.render(); }
  markAllRead() { for (const i of this.seat.view.injects) this.read.add(i.inject); this.save(); this.render(); }
  save() { localStorage.setItem(this.readKey, JSON.stringify([...this.read])); }
}
