// Leads and their evidence: where each item is held, how long it will be kept, and the boxes that choose the data
// a request will seek (the seat's `selected`).
import { el, fill, when, countdown, statePill } from "../format.js";
import { panel, bodyOf, span2 } from "./panel.js";

export class LeadsPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = span2(panel("leads", "Leads and evidence"));
  }

  render() {
    const { view, selected } = this.seat;
    const body = bodyOf(this.element);
    if (view.leads.length === 0) { fill(body, el("p", { class: "muted" }, "No leads yet: they come with the injects.")); return; }
    fill(body, view.leads.map(lead => el("article", { class: "card", dataset: { lead: lead.lead } },
      el("h3", {}, lead.title), lead.description ? el("p", { class: "small" }, lead.description) : null,
      el("table", {}, el("thead", {}, el("tr", {}, ["", "Evidence", "Held by", "Data", "Kept until", "Status"].map(h => el("th", {}, h)))),
        el("tbody", {}, lead.evidence.map(e => el("tr", { dataset: { evidence: e.evidence } },
          el("td", {}, e.status === "lost" || e.status === "secured" ? null : el("input", {
            type: "checkbox", "aria-label": `select ${e.evidence}`, checked: selected.has(e.evidence),
            onchange: ev => { ev.target.checked ? selected.add(e.evidence) : selected.delete(e.evidence); this.seat.form.refreshEvidence(); },
          })),
          el("td", {}, el("code", {}, e.evidence), el("div", { class: "small muted" }, e.description)),
          el("td", {}, e.holderName, el("div", { class: "small muted" }, `${e.holderState}, stored in ${e.storedIn}`)),
          el("td", {}, e.category),
          el("td", {}, e.status === "lost" ? el("div", { class: "small", dataset: { lost: e.lostAt ?? "" } }, `lost ${e.lostAt ? when(e.lostAt) : ""}${e.lostReason ? `: ${e.lostReason}` : ""}`)
            : e.status === "secured" ? "in the evidence locker" : e.preservedUntil
            ? [el("div", { class: "small" }, `preserved to ${when(e.preservedUntil)}`), countdown(e.preservedUntil)]
            : e.retentionExpiresAt ? [el("div", { class: "small" }, when(e.retentionExpiresAt)), countdown(e.retentionExpiresAt, "before deletion")] : "—"),
          el("td", {}, statePill(e.status)))))),
      el("div", { class: "row" }, el("button", { class: "secondary", dataset: { advise: lead.lead }, onclick: () => this.seat.advisor.advise(lead) }, "Advise")))));
  }
}
