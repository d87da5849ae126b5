// The instrument advisor: for the chosen evidence of a lead, every instrument from this state, with its conditions
// met or missing, from the same rules that judge the request when it is sent (the hub's Advise).
import { el, fill, reason, tickCountdowns } from "../format.js";
import { panel, bodyOf, span2 } from "./panel.js";

export class AdvisorPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = span2(panel("advisor", "Instrument advisor"));
    fill(bodyOf(this.element), el("p", { class: "muted small" },
      "Tick evidence under a lead and choose “Advise” to see which instruments reach it from here."));
  }

  async advise(lead) {
    const seat = this.seat;
    const open = lead.evidence.filter(e => e.status !== "lost" && e.status !== "secured").map(e => e.evidence);
    const chosen = open.filter(e => seat.selected.has(e));
    const evidence = chosen.length ? chosen : open;
    const body = bodyOf(this.element);
    if (evidence.length === 0) { fill(body, el("p", { class: "muted" }, "Nothing left to secure for this lead.")); return; }
    for (const e of evidence) seat.selected.add(e);
    seat.leads.render(); seat.form.refreshEvidence(); tickCountdowns(seat.clock.now);
    const emergency = seat.form.emergency;
    fill(body, el("p", { class: "muted" }, "Asking the rules…"));
    try {
      const advice = await seat.hub.invoke("Advise", evidence, emergency);
      const usable = advice.filter(a => a.applicable), other = advice.filter(a => !a.applicable);
      fill(body, el("p", { class: "small" }, `For ${evidence.join(", ")}${emergency ? " (emergency)" : ""}, from ${seat.view.jurisdiction}: ${usable.length} instrument(s) apply.`),
        usable.map(a => this.card(a, evidence)),
        other.length ? el("details", { class: "small" }, el("summary", {}, `${other.length} other instruments do not reach this evidence from here: why`),
          other.map(a => this.card(a, evidence))) : null);
    } catch (error) { fill(body, el("p", { class: "error" }, reason(error))); }
  }

  card(a, evidence) {
    const verdict = a.mayIssue && a.validation ? el("span", { class: "pill warn", title: a.validation }, "you may issue, with validation")
      : a.mayIssue ? el("span", { class: "pill ok" }, "you may issue")
      : a.applicable ? el("span", { class: "pill warn" }, `issued by ${a.issuers.join(", ")}`)
      : el("span", { class: "pill bad" }, "not available");
    return el("article", { class: "card", dataset: { instrument: a.instrument, applicable: a.applicable } },
      el("div", { class: "row" }, el("strong", {}, a.name), verdict,
        a.requestedState ? el("span", { class: "small muted" }, `to ${a.requestedState}`) : null,
        a.deadline ? el("span", { class: "small muted" }, `answer within ${a.deadline}${a.deadlineUnsure ? " [unsure]" : ""}`) : null),
      el("div", { class: "small muted" }, a.legalBasis),
      a.mayIssue && a.validation ? el("p", { class: "small", dataset: { validation: "" } }, `Your order is ${a.validation}.`) : null,
      el("ul", { class: "conditions" }, a.conditions.map(c => el("li", { class: c.met ? "" : "missing" }, c.condition, c.why ? ` (${c.why})` : "", el("span", { class: "muted" }, ` · ${c.source}`)))),
      a.urgent ? el("p", { class: `small${a.urgent.met ? "" : " muted"}`, dataset: { urgent: a.urgent.met } },
        a.urgent.met ? "May be marked urgent (tick Urgent on the form): " : "Not urgent: ", a.urgent.why ?? a.urgent.condition,
        el("span", { class: "muted" }, ` · ${a.urgent.source}`)) : null,
      a.problems.length ? el("ul", { class: "problems" }, a.problems.map(p => el("li", {}, p))) : null,
      a.refusalRisks.length ? el("div", { class: "small" }, el("strong", {}, "Refusal risks: "), a.refusalRisks.join("; ")) : null,
      a.applicable ? el("button", { class: "secondary", onclick: () => this.seat.form.use(a, evidence) }, "Use this instrument") : null);
  }
}
