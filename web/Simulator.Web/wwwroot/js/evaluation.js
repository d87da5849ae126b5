// The evaluator's work in the control room (HSEEP): the scenario's evaluation guides with each critical task's
// journal rating beside the evaluator's, rating P/S/M/U with notes, observations tied to journal events, and the hot
// wash. The evaluator rates and observes; the trainer and the evaluator add to the hot wash; both see all of it.
import { el, fill, when } from "./format.js";
import { openDialog } from "./dialog.js";

const letters = [["P", "P: performed without challenges"], ["S", "S: performed with some challenges"],
  ["M", "M: performed with major challenges"], ["U", "U: unable to be performed"]];
const letterOf = { "performed-without-challenges": "P", "performed-with-some-challenges": "S", "performed-with-major-challenges": "M", "unable-to-be-performed": "U" };

export class EvaluationPanel {
  constructor(body, room) {
    this.body = body;
    this.room = room;
  }

  render() {
    const e = this.room.view.evaluation;
    if (!e) { fill(this.body, el("p", { class: "muted small" }, "Evaluation is for the trainer and the evaluator.")); return; }
    const rated = new Map(e.ratings.map(r => [r.task, r]));
    const objectives = new Map(this.room.view.objectives.map(o => [o.id, o]));
    const evaluator = this.room.evaluator;
    fill(this.body,
      e.guides.length === 0 ? el("p", { class: "muted small" }, "This scenario has no evaluation guides; rate its objectives instead.") : null,
      e.guides.map(g => el("article", { class: "card", dataset: { capability: g.capability } },
        el("h3", {}, g.capability), el("p", { class: "small" }, el("strong", {}, "Target: "), g.target),
        el("table", {}, el("thead", {}, el("tr", {}, ["Critical task", "Journal", "Evaluator", evaluator ? "" : null].filter(x => x !== null).map(h => el("th", {}, h)))),
          el("tbody", {}, g.tasks.map(t => {
            const mine = rated.get(t.id) ?? (t.objective ? rated.get(t.objective) : null);
            const auto = t.objective ? objectives.get(t.objective) : null;
            return el("tr", { dataset: { task: t.id } },
              el("td", {}, el("strong", {}, t.task), t.lookFor?.length ? el("ul", { class: "small muted" }, t.lookFor.map(l => el("li", {}, l))) : null),
              el("td", { class: "small" }, !t.objective ? el("span", { class: "muted" }, "judged by people")
                : auto?.rating ? `${letterOf[auto.rating] ?? "?"}${auto.provisional ? " so far" : ""}` : "not rated"),
              el("td", { class: "small", dataset: { rating: mine?.letter ?? "" } }, mine ? [el("strong", {}, mine.letter), mine.notes ? el("div", {}, mine.notes) : null] : el("span", { class: "muted" }, "not rated")),
              evaluator ? el("td", {}, el("button", { class: "secondary small", dataset: { rate: t.id }, onclick: () => this.rate(t, mine) }, mine ? "Rate again" : "Rate")) : null);
          }))))),
      el("h3", {}, "Observations"),
      evaluator ? el("button", { class: "secondary", id: "observe", onclick: () => this.observe(e) }, "Record an observation") : null,
      e.observations.length === 0 ? el("p", { class: "muted small" }, "No observations yet.")
        : el("ul", { class: "plain", id: "observations" }, e.observations.map(o => el("li", { dataset: { observation: o.observation } },
          el("span", { class: "small muted" }, when(o.at)), " ", o.task ? el("code", {}, o.task) : null, " ", o.text,
          o.events.length ? el("span", { class: "small muted" }, ` (events ${o.events.map(x => `#${x}`).join(", ")})`) : null))),
      el("h3", {}, "Hot wash"),
      el("button", { class: "secondary", id: "hot-wash", onclick: () => hotWash(this.room.hub) }, "Add to the hot wash"),
      hotWashList(e.hotWash));
  }

  rate(task, current) {
    const rating = el("select", { id: "rate-letter" }, letters.map(([v, t]) => el("option", { value: v }, t)));
    if (current) rating.value = current.letter;
    const notes = el("textarea", { id: "rate-notes", maxlength: 4000 }, current?.notes ?? "");
    openDialog(`Rate: ${task.task}`, [
      task.lookFor?.length ? el("ul", { class: "small" }, task.lookFor.map(l => el("li", {}, l))) : null,
      el("label", {}, el("span", {}, "Rating"), rating),
      el("label", {}, el("span", {}, "Notes: what you saw"), notes),
    ], "Save rating", () => this.room.hub.invoke("RateTask", task.id, rating.value, notes.value || null));
  }

  observe(e) {
    const tasks = e.guides.flatMap(g => g.tasks);
    const task = el("select", { id: "observe-task" }, el("option", { value: "" }, "— no task —"), tasks.map(t => el("option", { value: t.id }, t.task)));
    const recent = this.room.events.slice(-25).reverse();
    const events = el("select", { id: "observe-events", multiple: true, size: 8 }, recent.map(ev => el("option", { value: ev.sequence }, `#${ev.sequence} ${when(ev.at)} ${ev.type}`)));
    const text = el("textarea", { id: "observe-text", maxlength: 4000 });
    openDialog("Record an observation", [
      el("label", {}, el("span", {}, "What you saw"), text),
      el("label", {}, el("span", {}, "About the task"), task),
      el("label", {}, el("span", {}, "Tied to these events (latest first)"), events),
    ], "Record", () => this.room.hub.invoke("RecordObservation", text.value, [...events.selectedOptions].map(o => Number(o.value)), task.value || null));
  }
}

/** The hot wash's contributions, for the control room and the seat. */
export function hotWashList(entries) {
  return entries.length === 0 ? el("p", { class: "muted small" }, "No contributions yet.")
    : el("table", { id: "hot-wash-list" }, el("thead", {}, el("tr", {}, ["From", "Went well", "To improve"].map(h => el("th", {}, h)))),
      el("tbody", {}, entries.map(h => el("tr", { dataset: { by: h.by } }, el("td", {}, h.by), el("td", { class: "small" }, h.strengths ?? ""), el("td", { class: "small" }, h.improvements ?? "")))));
}

/** Adds the joined identity's contribution to the hot wash. */
export function hotWash(hub) {
  const strengths = el("textarea", { id: "hot-wash-strengths", maxlength: 4000, placeholder: "What went well" });
  const improvements = el("textarea", { id: "hot-wash-improvements", maxlength: 4000, placeholder: "What to improve" });
  openDialog("Hot wash", [
    el("label", {}, el("span", {}, "Strengths"), strengths),
    el("label", {}, el("span", {}, "Areas for improvement"), improvements),
  ], "Add", () => hub.invoke("HotWash", strengths.value || null, improvements.value || null));
}
