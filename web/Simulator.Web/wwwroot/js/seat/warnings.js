// What will be lost or late within WARN_HOURS of simulated time: evidence deleted or its preservation ending, and
// answers due from or to this seat.
import { el, fill, when, countdown, isClosed, tickCountdowns, WARN_HOURS } from "../format.js";

export class WarningsPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = el("section", { class: "panel wide warnings", id: "warnings", hidden: true });
  }

  render() {
    const { view, clock, identity } = this.seat;
    const now = new Date(clock.now), soon = WARN_HOURS * 3600000;
    const near = iso => iso && new Date(iso) - now > 0 && new Date(iso) - now < soon;
    const items = [];
    for (const lead of view.leads)
      for (const e of lead.evidence) {
        if (e.status === "lost" || e.status === "secured") continue;
        const until = e.preservedUntil ?? e.retentionExpiresAt;
        if (near(until)) items.push([`${e.evidence} at ${e.holderName}`, e.preservedUntil ? "preservation ends" : "deleted", until]);
      }
    for (const r of view.outgoing)
      if (!isClosed(r) && near(r.deadline)) items.push([`${r.request} (${r.instrumentName})`, "answer due", r.deadline]);
    for (const r of view.incoming)
      if (!isClosed(r) && r.reviewer === identity.seat && near(r.deadline)) items.push([`${r.request} from ${r.issuer}`, "our answer due", r.deadline]);
    const key = items.map(i => i.join("|")).join("\n");
    if (key === this.key) return; // unchanged: leave the countdowns to tick
    this.key = key;
    this.element.hidden = items.length === 0;
    fill(this.element, el("h2", {}, `⚠ Within ${WARN_HOURS} hours`), el("ul", { class: "small" }, items.map(([what, event, until]) =>
      el("li", { dataset: { warning: what } }, el("strong", {}, what), ` ${event} ${when(until)}: `, countdown(until)))));
    tickCountdowns(clock.now);
  }
}
