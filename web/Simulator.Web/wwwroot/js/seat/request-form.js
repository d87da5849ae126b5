// The request form: the standard template (offence, facts, necessity, urgency) and the scope of the data sought
// (identifiers, window: empty asks for what the facts support), checked on demand against the rules, with what the
// reviewer will see of its scope, and sent in one round trip (the hub's SendRequestWithTemplate); a refusal is
// explained by the check. A half-written request is kept in the browser (local storage, per exercise and seat), so a
// reload loses nothing.
import { el, fill, reason } from "../format.js";
import { panel, bodyOf } from "./panel.js";
import { scopeNote } from "./scope-note.js";

/** A datetime-local value (the console's times are UTC; minutes, or seconds where the browser gives them) as ISO 8601, or null. */
const utc = value => value ? `${value.length === 16 ? `${value}:00` : value}Z` : null;
/** An ISO instant as a datetime-local value, in UTC. */
const local = iso => iso ? new Date(iso).toISOString().slice(0, 16) : "";

export class RequestForm {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("request-form", "Draft a request");
    const f = this.fields = {
      instrument: el("select", { name: "instrument", id: "form-instrument", required: true }, el("option", { value: "" }, "— choose with the advisor, or pick —")),
      evidence: el("div", { class: "small", id: "form-evidence" }),
      emergency: el("input", { type: "checkbox", name: "emergency", id: "form-emergency" }),
      urgent: el("input", { type: "checkbox", name: "urgent", id: "form-urgent" }),
      requestedState: el("input", { name: "requestedState", id: "form-requested-state", placeholder: "leave empty: the rules choose", size: 18 }),
      offence: el("input", { name: "offence", id: "form-offence", placeholder: "e.g. illegal access, system interference, extortion" }),
      facts: el("textarea", { name: "facts", id: "form-facts", placeholder: "What happened, when, to whom; how the data relate to it" }),
      necessity: el("textarea", { name: "necessity", id: "form-necessity", placeholder: "Why these data are needed, and why now" }),
      urgency: el("textarea", { name: "urgency", id: "form-urgency", placeholder: "Emergency: the imminent risk to life or safety; urgent: why the data may be lost or altered" }),
      identifiers: el("input", { name: "identifiers", id: "form-identifiers", placeholder: "empty: those the facts name; else comma-separated accounts, addresses" }),
      from: el("input", { type: "datetime-local", name: "from", id: "form-from" }),
      to: el("input", { type: "datetime-local", name: "to", id: "form-to" }),
      minimise: el("input", { type: "checkbox", name: "minimise", id: "form-minimise" }),
      scope: el("div", { id: "request-scope-note", "aria-live": "polite" }),
      problems: el("div", { id: "request-errors", role: "alert" }),
      notice: el("p", { class: "notice", id: "request-notice", role: "status" }),
    };
    this.loadInstruments();
    const template = el("form", { class: "stack", id: "request" },
      el("label", {}, el("span", {}, "Instrument"), f.instrument),
      el("label", {}, el("span", {}, "Issuing authority"), el("input", { value: seat.identity.seat, readonly: true })),
      el("div", {}, el("span", { class: "small muted" }, "Data sought (tick evidence under the leads)"), f.evidence),
      el("label", { class: "row" }, f.emergency, "Emergency: a life or safety is at imminent risk"),
      el("label", { class: "row" }, f.urgent, "Urgent: the data may be lost or altered before an ordinary answer (Budapest Art. 31(3))"),
      el("label", {}, el("span", {}, "Requested state (optional)"), f.requestedState),
      el("p", { class: "small muted", id: "form-written-on" }, "Written on the standard request template (Budapest Art. 29(2))"),
      el("label", {}, el("span", { id: "label-offence" }, "Offence"), f.offence),
      el("label", {}, el("span", { id: "label-facts" }, "Summary of the facts"), f.facts),
      el("label", {}, el("span", { id: "label-necessity" }, "Necessity and proportionality"), f.necessity),
      el("label", {}, el("span", { id: "label-urgency" }, "Urgency"), f.urgency),
      el("fieldset", { id: "form-scope" }, el("legend", { class: "small muted" }, "Scope of the data sought: all empty asks for what the facts support; an empty date asks for every record held on that side"),
        el("label", {}, el("span", {}, "Identifiers"), f.identifiers),
        el("div", { class: "row" }, el("label", {}, el("span", {}, "Records from (UTC)"), f.from), el("label", {}, el("span", {}, "to (UTC)"), f.to)),
        el("label", { class: "row" }, f.minimise, "Minimised production: the holder redacts third parties' records before transfer (it takes longer)"),
        el("button", { type: "button", class: "secondary", id: "scope-from-facts", onclick: () => this.scopeFromFacts() }, "Fill in what the facts support"),
        f.scope),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", id: "check-request", onclick: () => this.submit(false) }, "Check"),
        el("button", { type: "submit", id: "send-request" }, "Send request")),
      f.problems, f.notice);
    template.addEventListener("submit", event => { event.preventDefault(); this.submit(true); });
    template.addEventListener("input", () => this.save());
    template.addEventListener("change", () => this.save());
    f.instrument.addEventListener("change", () => this.relabel());
    fill(bodyOf(this.element), template);
    this.draftKey = `draft:${seat.identity.exerciseId}:${seat.identity.seat}`;
    this.restore();
  }

  /** Keeps what is written so far in the browser. */
  save() {
    const d = this.draft();
    localStorage.setItem(this.draftKey, JSON.stringify({ ...d.template, identifiers: this.fields.identifiers.value, from: this.fields.from.value, to: this.fields.to.value, minimise: this.fields.minimise.checked,
      instrument: d.instrument, evidence: d.evidence, emergency: d.emergency, urgent: d.urgent, requestedState: d.requestedState }));
  }

  /** Puts back what was written before a reload. */
  restore() {
    let saved;
    try { saved = JSON.parse(localStorage.getItem(this.draftKey) ?? "null"); } catch { saved = null; }
    if (!saved) return;
    const f = this.fields;
    if (saved.instrument) { this.ensureInstrumentOption(saved.instrument); f.instrument.value = saved.instrument; }
    f.emergency.checked = Boolean(saved.emergency);
    f.urgent.checked = Boolean(saved.urgent);
    f.minimise.checked = Boolean(saved.minimise);
    f.requestedState.value = saved.requestedState ?? "";
    for (const name of ["offence", "facts", "necessity", "urgency", "identifiers", "from", "to"]) f[name].value = saved[name] ?? "";
    for (const id of saved.evidence ?? []) this.seat.selected.add(id);
  }

  get emergency() { return this.fields.emergency.checked; }

  async loadInstruments() {
    try {
      const instruments = await (await fetch("/api/instruments")).json();
      for (const i of instruments) this.ensureInstrumentOption(i.id, `${i.name} (${i.legalBasis})`);
      this.templates = new Map(instruments.filter(i => i.template).map(i => [i.id, i.template]));
      this.relabel();
    } catch { /* the advisor's "Use this instrument" adds them one by one */ }
  }

  /** The template's fields as the chosen instrument's form names them (the EIO's Annex A), with what each must give. */
  relabel() {
    if (!this.templates) return;
    const root = this.element;
    // The words the page was built with are the standard template's: the placeholder, or an instrument the
    // catalogue list did not give, goes back to them.
    this.standardWords ??= { form: root.querySelector("#form-written-on").textContent,
      labels: Object.fromEntries(["offence", "facts", "necessity", "urgency"].map(n => [n, root.querySelector(`#label-${n}`).textContent])) };
    const form = this.templates.get(this.fields.instrument.value);
    root.querySelector("#form-written-on").textContent = form ? `Written on ${form.form}` : this.standardWords.form;
    for (const name of ["offence", "facts", "necessity", "urgency"]) {
      root.querySelector(`#label-${name}`).textContent = form ? form[name].label : this.standardWords.labels[name];
      this.fields[name].title = form ? `${form[name].asks} (${form[name].source})` : "";
    }
  }

  ensureInstrumentOption(id, name) {
    const existing = [...this.fields.instrument.options].find(o => o.value === id);
    if (existing) { if (name && existing.textContent === id) existing.textContent = name; return; }
    this.fields.instrument.append(el("option", { value: id }, name ?? id));
  }

  /** The advisor's "Use this instrument": the form takes the instrument and the evidence it was advised for. */
  use(advice, evidence) {
    this.seat.selected = new Set(evidence);
    this.ensureInstrumentOption(advice.instrument, advice.name);
    this.fields.instrument.value = advice.instrument;
    this.relabel();
    this.refreshEvidence();
    this.element.scrollIntoView({ behavior: "smooth" });
  }

  /** The data sought: the ticked evidence still to be had (lost or secured items drop out). */
  refreshEvidence() {
    const { view, selected } = this.seat;
    const known = new Map(view.leads.flatMap(l => l.evidence).map(e => [e.evidence, e]));
    for (const id of [...selected]) if (!known.has(id) || ["lost", "secured"].includes(known.get(id).status)) selected.delete(id);
    fill(this.fields.evidence, selected.size === 0 ? el("span", { class: "muted" }, "none chosen")
      : [...selected].map(id => el("span", { class: "pill muted", dataset: { evidence: id } }, `${id} (${known.get(id)?.category})`)));
    if (this.draftKey) this.save(); // the ticked evidence is part of the draft
  }

  draft() {
    const f = this.fields;
    return {
      instrument: f.instrument.value,
      evidence: [...this.seat.selected],
      emergency: f.emergency.checked,
      urgent: f.urgent.checked,
      requestedState: f.requestedState.value.trim() || null,
      template: { offence: f.offence.value, facts: f.facts.value, necessity: f.necessity.value, urgency: f.urgency.value,
        identifiers: f.identifiers.value.split(",").map(i => i.trim()).filter(Boolean), from: utc(f.from.value), to: utc(f.to.value), minimise: f.minimise.checked },
    };
  }

  /** The scope fields set to what the facts support for the ticked evidence (the server says, through the check). */
  async scopeFromFacts() {
    const d = this.draft();
    if (!d.instrument || d.evidence.length === 0) { this.showProblems(["choose the instrument and tick the evidence first"]); return; }
    try {
      const check = await this.seat.hub.invoke("CheckRequest", d.instrument, d.evidence, d.emergency, d.requestedState, null, d.urgent);
      const s = check.scope;
      if (!s) return;
      this.fields.identifiers.value = (s.supportedIdentifiers ?? []).join(", ");
      this.fields.from.value = local(s.supportedFrom);
      this.fields.to.value = local(s.supportedTo);
      this.save();
      fill(this.fields.scope, scopeNote(s));
    } catch (error) { this.showProblems([reason(error)]); }
  }

  async submit(send) {
    const f = this.fields, d = this.draft(), hub = this.seat.hub;
    f.notice.textContent = "";
    const local = [];
    if (!d.instrument) local.push("instrument: choose one (the advisor lists those that reach this evidence)");
    if (d.evidence.length === 0) local.push("data sought: tick at least one evidence item under a lead");
    if (local.length) { this.showProblems(local); return; }
    try {
      if (!send) {
        const check = await hub.invoke("CheckRequest", d.instrument, d.evidence, d.emergency, d.requestedState, d.template, d.urgent);
        fill(f.scope, scopeNote(check.scope));
        if (!check.canSend) { this.showProblems(check.problems, check.conditions); return; }
        fill(f.problems, el("p", { class: "notice" }, `Ready to send to ${check.requestedState} (${check.provider}).`),
          check.refusalRisks.length ? el("p", { class: "small" }, `Refusal risks: ${check.refusalRisks.join("; ")}`) : null);
        return;
      }
      // One round trip: the request itself. The view it leaves is pushed; only a refusal asks for the detailed check.
      const result = await hub.invoke("SendRequestWithTemplate", d.instrument, d.evidence, d.emergency, d.requestedState, d.template, d.urgent);
      fill(f.problems);
      f.notice.textContent = `Sent: ${result.message}`;
      for (const field of [f.facts, f.necessity, f.urgency, f.identifiers, f.from, f.to]) field.value = "";
      f.minimise.checked = false;
      fill(f.scope);
      f.urgent.checked = false; // its grounds went with the urgency field: the next request is urgent only if marked again
      this.seat.selected.clear();
      this.refreshEvidence();
    } catch (error) {
      try {
        const check = await hub.invoke("CheckRequest", d.instrument, d.evidence, d.emergency, d.requestedState, d.template, d.urgent);
        if (!check.canSend) { this.showProblems(check.problems, check.conditions); return; }
      } catch { /* the refusal below says why */ }
      this.showProblems([reason(error)]);
    }
  }

  showProblems(problems, conditions = []) {
    fill(this.fields.problems, el("p", { class: "error" }, "Not sent: fix these first."),
      el("ul", { class: "problems" }, problems.map(p => el("li", {}, p))),
      conditions.some(c => !c.met) ? el("ul", { class: "conditions" }, conditions.filter(c => !c.met).map(c => el("li", { class: "missing" }, `${c.condition} · ${c.source}`))) : null);
  }
}
