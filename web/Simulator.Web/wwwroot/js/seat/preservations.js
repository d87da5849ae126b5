// The preservations this state asked for or holds, with how long each keeps the data, and "Extend" on our own.
import { el, fill, when, countdown, statePill } from "../format.js";
import { panel, bodyOf } from "./panel.js";

export class PreservationsPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("preservations", "Preservations");
  }

  render() {
    const seat = this.seat, body = bodyOf(this.element);
    const list = seat.view.preservations;
    if (list.length === 0) { fill(body, el("p", { class: "muted" }, "No preservations.")); return; }
    fill(body, el("table", {}, el("tbody", {}, list.map(p => el("tr", { dataset: { preservation: p.preservation } },
      el("td", {}, el("code", {}, p.preservation), el("div", { class: "small muted" }, `${p.evidence} · ${p.request}`)),
      el("td", {}, statePill(p.state)),
      el("td", {}, p.until ? [el("div", { class: "small" }, `until ${when(p.until)}`), ["active", "extended", "converted"].includes(p.state) ? countdown(p.until) : null] : "—"),
      el("td", {}, p.canExtend && seat.view.outgoing.some(r => r.request === p.request)
        ? el("button", { class: "secondary", onclick: () => seat.act("ExtendPreservation", p.preservation) }, "Extend") : null))))));
  }
}
