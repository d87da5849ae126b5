// What this browser's trainee has read of a list (injects in the feed, foreign requests in the inbox), kept in the
// browser per exercise, seat and list, with the "N new" badge its panel shows.
import { el } from "../format.js";

export class ReadMarks {
  constructor(identity, list, badgeId) {
    this.key = `${list}:${identity.exerciseId}:${identity.seat}`;
    this.read = new Set(JSON.parse(localStorage.getItem(this.key) ?? "[]"));
    this.badge = el("span", { class: "pill new", id: badgeId, hidden: true });
  }

  isNew(id) { return !this.read.has(id); }

  mark(...ids) {
    for (const id of ids) this.read.add(id);
    localStorage.setItem(this.key, JSON.stringify([...this.read]));
  }

  /** Shows how many of these ids are unread. */
  count(ids) {
    const unread = ids.filter(id => !this.read.has(id)).length;
    this.badge.hidden = unread === 0;
    this.badge.textContent = `${unread} new`;
  }
}
