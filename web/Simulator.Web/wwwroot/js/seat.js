// A trainee's seat: one state's authority. Injects, leads and their evidence, the instrument advisor, the request
// form, the inbox of foreign requests, the evidence locker and the countdowns, all from the seat's view (docs/hub.md).
import { el, fill, when, countdown, reason, statePill, isClosed, tickCountdowns, WARN_HOURS } from "./format.js";
import { showProcedure } from "./diagrams.js";
import { renderSoon } from "./scheduler.js";


export class SeatView {
  constructor(main, connection, first) {
    this.main = main;
    this.hub = connection;
    this.view = first.view;
    this.clock = first.clock;
    this.identity = first.identity;
    this.readKey = `read:${this.identity.exerciseId}:${this.identity.seat}`;
    this.read = new Set(JSON.parse(localStorage.getItem(this.readKey) ?? "[]"));
    this.selected = new Set();
    this.build();
    this.render();
  }

  /** The panels are built once; render() fills them, so forms being typed into survive every update. */
  build() {
    const panel = (id, title, ...extra) => el("section", { class: "panel", id }, el("h2", {}, title, ...extra), el("div", { class: "body" }));
    const span2 = node => { node.classList.add("span2"); return node; };
    this.unreadBadge = el("span", { class: "pill new", id: "unread-count", hidden: true });
    this.panels = {
      warnings: el("section", { class: "panel wide warnings", id: "warnings", hidden: true }),
      feed: panel("feed", "Incident feed", this.unreadBadge,
        el("button", { class: "secondary small", id: "mark-read", onclick: () => this.markAllRead() }, "Mark all read")),
      leads: span2(panel("leads", "Leads and evidence")),
      advisor: span2(panel("advisor", "Instrument advisor")),
      form: panel("request-form", "Draft a request"),
      outgoing: panel("outgoing", "Our requests"),
      inbox: panel("inbox", "Inbox: foreign requests to answer"),
      preservations: panel("preservations", "Preservations"),
      locker: panel("locker", "Evidence locker"),
      procedure: el("section", { class: "panel wide", id: "procedure" }, el("h2", {}, "Procedure"), el("div", { class: "body" },
        el("p", { class: "muted small" }, "Choose “Procedure” on a request to see where it stands."))),
    };
    fill(this.panels.advisor.querySelector(".body"), el("p", { class: "muted small" },
      "Tick evidence under a lead and choose “Advise” to see which instruments reach it from here."));
    this.buildForm();
    fill(this.main, Object.values(this.panels));
  }

  refresh(full) { this.view = full.view; this.clock = full.clock; this.render(); }

  /** Events come with the view they leave (onView): nothing to ask for. */
  onEvents() { }

  /** The state's view after the latest events, pushed to all its seats: rendered at the next frame, bursts coalesced. */
  onView(pushed) {
    this.view = pushed.view;
    this.clock = pushed.clock;
    renderSoon("seat", () => this.render());
  }

  onClock(clock) { this.clock = clock; this.renderWarnings(); }

  render() {
    this.renderWarnings();
    this.renderFeed();
    this.renderLeads();
    this.renderOutgoing();
    this.renderInbox();
    this.renderPreservations();
    this.renderLocker();
    this.refreshFormEvidence();
    tickCountdowns(this.clock.now);
  }

  // ---- warnings: what will be lost or late within WARN_HOURS of simulated time ----
  renderWarnings() {
    const now = new Date(this.clock.now), soon = WARN_HOURS * 3600000;
    const near = iso => iso && new Date(iso) - now > 0 && new Date(iso) - now < soon;
    const items = [];
    for (const lead of this.view.leads)
      for (const e of lead.evidence) {
        if (e.status === "lost" || e.status === "secured") continue;
        const until = e.preservedUntil ?? e.retentionExpiresAt;
        if (near(until)) items.push([`${e.evidence} at ${e.holderName}`, e.preservedUntil ? "preservation ends" : "deleted", until]);
      }
    for (const r of this.view.outgoing)
      if (!isClosed(r) && near(r.deadline)) items.push([`${r.request} (${r.instrumentName})`, "answer due", r.deadline]);
    for (const r of this.view.incoming)
      if (!isClosed(r) && r.reviewer === this.identity.seat && near(r.deadline)) items.push([`${r.request} from ${r.issuer}`, "our answer due", r.deadline]);
    const panel = this.panels.warnings;
    const key = items.map(i => i.join("|")).join("\n");
    if (key === this.warningKey) return; // unchanged: leave the countdowns to tick
    this.warningKey = key;
    panel.hidden = items.length === 0;
    fill(panel, el("h2", {}, `⚠ Within ${WARN_HOURS} hours`), el("ul", { class: "small" }, items.map(([what, event, until]) =>
      el("li", { dataset: { warning: what } }, el("strong", {}, what), ` ${event} ${when(until)}: `, countdown(until)))));
    tickCountdowns(this.clock.now);
  }

  // ---- incident feed ----
  renderFeed() {
    const injects = [...this.view.injects].sort((a, b) => b.at.localeCompare(a.at));
    const unread = injects.filter(i => !this.read.has(i.inject)).length;
    this.unreadBadge.hidden = unread === 0;
    this.unreadBadge.textContent = `${unread} new`;
    fill(this.panels.feed.querySelector(".body"), injects.length === 0
      ? el("p", { class: "muted" }, "Nothing has happened yet.")
      : el("div", { class: "feed" }, injects.map(i => {
        const isNew = !this.read.has(i.inject);
        return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { inject: i.inject }, onclick: () => this.markRead(i.inject) },
          el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null,
            el("strong", {}, i.title), el("span", { class: "small muted" }, when(i.at)), i.onDemand ? el("span", { class: "pill muted" }, "on demand") : null),
          el("p", { class: "small" }, i.text));
      })));
  }

  markRead(id) { this.read.add(id); this.saveRead(); this.renderFeed(); }
  markAllRead() { for (const i of this.view.injects) this.read.add(i.inject); this.saveRead(); this.renderFeed(); }
  saveRead() { localStorage.setItem(this.readKey, JSON.stringify([...this.read])); }

  // ---- leads and their evidence ----
  renderLeads() {
    const body = this.panels.leads.querySelector(".body");
    if (this.view.leads.length === 0) { fill(body, el("p", { class: "muted" }, "No leads yet: they come with the injects.")); return; }
    fill(body, this.view.leads.map(lead => el("article", { class: "card", dataset: { lead: lead.lead } },
      el("h3", {}, lead.title), lead.description ? el("p", { class: "small" }, lead.description) : null,
      el("table", {}, el("thead", {}, el("tr", {}, ["", "Evidence", "Held by", "Data", "Kept until", "Status"].map(h => el("th", {}, h)))),
        el("tbody", {}, lead.evidence.map(e => el("tr", { dataset: { evidence: e.evidence } },
          el("td", {}, e.status === "lost" || e.status === "secured" ? null : el("input", {
            type: "checkbox", "aria-label": `select ${e.evidence}`, checked: this.selected.has(e.evidence),
            onchange: ev => { ev.target.checked ? this.selected.add(e.evidence) : this.selected.delete(e.evidence); this.refreshFormEvidence(); },
          })),
          el("td", {}, el("code", {}, e.evidence), el("div", { class: "small muted" }, e.description)),
          el("td", {}, e.holderName, el("div", { class: "small muted" }, `${e.holderState}, stored in ${e.storedIn}`)),
          el("td", {}, e.category),
          el("td", {}, e.status === "lost" ? "—" : e.status === "secured" ? "in the evidence locker" : e.preservedUntil
            ? [el("div", { class: "small" }, `preserved to ${when(e.preservedUntil)}`), countdown(e.preservedUntil)]
            : e.retentionExpiresAt ? [el("div", { class: "small" }, when(e.retentionExpiresAt)), countdown(e.retentionExpiresAt, "before deletion")] : "—"),
          el("td", {}, statePill(e.status)))))),
      el("div", { class: "row" }, el("button", { class: "secondary", dataset: { advise: lead.lead }, onclick: () => this.advise(lead) }, "Advise")))));
  }

  // ---- instrument advisor ----
  async advise(lead) {
    const open = lead.evidence.filter(e => e.status !== "lost" && e.status !== "secured").map(e => e.evidence);
    const chosen = open.filter(e => this.selected.has(e));
    const evidence = chosen.length ? chosen : open;
    const body = this.panels.advisor.querySelector(".body");
    if (evidence.length === 0) { fill(body, el("p", { class: "muted" }, "Nothing left to secure for this lead.")); return; }
    for (const e of evidence) this.selected.add(e);
    this.renderLeads(); this.refreshFormEvidence(); tickCountdowns(this.clock.now);
    const emergency = this.form.emergency.checked;
    fill(body, el("p", { class: "muted" }, "Asking the rules…"));
    try {
      const advice = await this.hub.invoke("Advise", evidence, emergency);
      const usable = advice.filter(a => a.applicable), other = advice.filter(a => !a.applicable);
      fill(body, el("p", { class: "small" }, `For ${evidence.join(", ")}${emergency ? " (emergency)" : ""}, from ${this.view.jurisdiction}: ${usable.length} instrument(s) apply.`),
        usable.map(a => this.adviceCard(a, evidence)),
        other.length ? el("details", { class: "small" }, el("summary", {}, `${other.length} other instruments do not reach this evidence from here: why`),
          other.map(a => this.adviceCard(a, evidence))) : null);
    } catch (error) { fill(body, el("p", { class: "error" }, reason(error))); }
  }

  adviceCard(a, evidence) {
    const verdict = a.mayIssue ? el("span", { class: "pill ok" }, "you may issue")
      : a.applicable ? el("span", { class: "pill warn" }, `issued by ${a.issuers.join(", ")}`)
      : el("span", { class: "pill bad" }, "not available");
    return el("article", { class: "card", dataset: { instrument: a.instrument, applicable: a.applicable } },
      el("div", { class: "row" }, el("strong", {}, a.name), verdict,
        a.requestedState ? el("span", { class: "small muted" }, `to ${a.requestedState}`) : null,
        a.deadline ? el("span", { class: "small muted" }, `answer within ${a.deadline}${a.deadlineUnsure ? " [unsure]" : ""}`) : null),
      el("div", { class: "small muted" }, a.legalBasis),
      el("ul", { class: "conditions" }, a.conditions.map(c => el("li", { class: c.met ? "" : "missing" }, c.condition, c.why ? ` (${c.why})` : "", el("span", { class: "muted" }, ` · ${c.source}`)))),
      a.problems.length ? el("ul", { class: "problems" }, a.problems.map(p => el("li", {}, p))) : null,
      a.refusalRisks.length ? el("div", { class: "small" }, el("strong", {}, "Refusal risks: "), a.refusalRisks.join("; ")) : null,
      a.applicable ? el("button", { class: "secondary", onclick: () => this.useInstrument(a, evidence) }, "Use this instrument") : null);
  }

  useInstrument(a, evidence) {
    this.selected = new Set(evidence);
    this.ensureInstrumentOption(a.instrument, a.name);
    this.form.instrument.value = a.instrument;
    this.refreshFormEvidence();
    this.panels.form.scrollIntoView({ behavior: "smooth" });
  }

  // ---- the request form: the standard template, checked before sending ----
  buildForm() {
    const f = this.form = {
      instrument: el("select", { name: "instrument", id: "form-instrument", required: true }, el("option", { value: "" }, "— choose with the advisor, or pick —")),
      evidence: el("div", { class: "small", id: "form-evidence" }),
      emergency: el("input", { type: "checkbox", name: "emergency", id: "form-emergency" }),
      requestedState: el("input", { name: "requestedState", id: "form-requested-state", placeholder: "leave empty: the rules choose", size: 18 }),
      offence: el("input", { name: "offence", id: "form-offence", placeholder: "e.g. illegal access, system interference, extortion" }),
      facts: el("textarea", { name: "facts", id: "form-facts", placeholder: "What happened, when, to whom; how the data relate to it" }),
      necessity: el("textarea", { name: "necessity", id: "form-necessity", placeholder: "Why these data are needed, and why now" }),
      urgency: el("textarea", { name: "urgency", id: "form-urgency", placeholder: "Emergency only: the imminent risk to life or safety" }),
      problems: el("div", { id: "request-errors", role: "alert" }),
      notice: el("p", { class: "notice", id: "request-notice", role: "status" }),
    };
    this.loadInstruments();
    const template = el("form", { class: "stack", id: "request" },
      el("label", {}, el("span", {}, "Instrument"), f.instrument),
      el("label", {}, el("span", {}, "Issuing authority"), el("input", { value: this.identity.seat, readonly: true })),
      el("div", {}, el("span", { class: "small muted" }, "Data sought (tick evidence under the leads)"), f.evidence),
      el("label", { class: "row" }, f.emergency, "Emergency: a life or safety is at imminent risk"),
      el("label", {}, el("span", {}, "Requested state (optional)"), f.requestedState),
      el("label", {}, el("span", {}, "Offence"), f.offence),
      el("label", {}, el("span", {}, "Summary of the facts"), f.facts),
      el("label", {}, el("span", {}, "Necessity and proportionality"), f.necessity),
      el("label", {}, el("span", {}, "Urgency"), f.urgency),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", id: "check-request", onclick: () => this.submit(false) }, "Check"),
        el("button", { type: "submit", id: "send-request" }, "Send request")),
      f.problems, f.notice);
    template.addEventListener("submit", event => { event.preventDefault(); this.submit(true); });
    fill(this.panels.form.querySelector(".body"), template);
  }

  async loadInstruments() {
    try {
      const instruments = await (await fetch("/api/instruments")).json();
      for (const i of instruments) this.ensureInstrumentOption(i.id, `${i.name} (${i.legalBasis})`);
    } catch { /* the advisor's "Use this instrument" adds them one by one */ }
  }

  ensureInstrumentOption(id, name) {
    if ([...this.form.instrument.options].some(o => o.value === id)) return;
    this.form.instrument.append(el("option", { value: id }, name ?? id));
  }

  refreshFormEvidence() {
    if (!this.form) return;
    const known = new Map(this.view.leads.flatMap(l => l.evidence).map(e => [e.evidence, e]));
    for (const id of [...this.selected]) if (!known.has(id) || ["lost", "secured"].includes(known.get(id).status)) this.selected.delete(id);
    fill(this.form.evidence, this.selected.size === 0 ? el("span", { class: "muted" }, "none chosen")
      : [...this.selected].map(id => el("span", { class: "pill muted", dataset: { evidence: id } }, `${id} (${known.get(id)?.category})`)));
  }

  draft() {
    const f = this.form;
    return {
      instrument: f.instrument.value,
      evidence: [...this.selected],
      emergency: f.emergency.checked,
      requestedState: f.requestedState.value.trim() || null,
      template: { offence: f.offence.value, facts: f.facts.value, necessity: f.necessity.value, urgency: f.urgency.value },
    };
  }

  async submit(send) {
    const f = this.form, d = this.draft();
    f.notice.textContent = "";
    const local = [];
    if (!d.instrument) local.push("instrument: choose one (the advisor lists those that reach this evidence)");
    if (d.evidence.length === 0) local.push("data sought: tick at least one evidence item under a lead");
    if (local.length) { this.showProblems(local); return; }
    try {
      if (!send) {
        const check = await this.hub.invoke("CheckRequest", d.instrument, d.evidence, d.emergency, d.requestedState, d.template);
        if (!check.canSend) { this.showProblems(check.problems, check.conditions); return; }
        fill(f.problems, el("p", { class: "notice" }, `Ready to send to ${check.requestedState} (${check.provider}).`),
          check.refusalRisks.length ? el("p", { class: "small" }, `Refusal risks: ${check.refusalRisks.join("; ")}`) : null);
        return;
      }
      // One round trip: the request itself. The view it leaves is pushed; only a refusal asks for the detailed check.
      const result = await this.hub.invoke("SendRequestWithTemplate", d.instrument, d.evidence, d.emergency, d.requestedState, d.template);
      fill(f.problems);
      f.notice.textContent = `Sent: ${result.message}`;
      for (const field of [f.facts, f.necessity, f.urgency]) field.value = "";
      this.selected.clear();
      this.refreshFormEvidence();
    } catch (error) {
      try {
        const check = await this.hub.invoke("CheckRequest", d.instrument, d.evidence, d.emergency, d.requestedState, d.template);
        if (!check.canSend) { this.showProblems(check.problems, check.conditions); return; }
      } catch { /* the refusal below says why */ }
      this.showProblems([reason(error)]);
    }
  }

  showProblems(problems, conditions = []) {
    fill(this.form.problems, el("p", { class: "error" }, "Not sent: fix these first."),
      el("ul", { class: "problems" }, problems.map(p => el("li", {}, p))),
      conditions.some(c => !c.met) ? el("ul", { class: "conditions" }, conditions.filter(c => !c.met).map(c => el("li", { class: "missing" }, `${c.condition} · ${c.source}`))) : null);
  }

  // ---- our requests ----
  renderOutgoing() {
    const body = this.panels.outgoing.querySelector(".body");
    const requests = this.view.outgoing;
    if (requests.length === 0) { fill(body, el("p", { class: "muted" }, "No requests sent yet.")); return; }
    fill(body, el("table", {}, el("thead", {}, el("tr", {}, ["Request", "To", "State", "Deadline", ""].map(h => el("th", {}, h)))),
      el("tbody", {}, requests.map(r => el("tr", { dataset: { request: r.request } },
        el("td", {}, el("code", {}, r.request), el("div", { class: "small" }, r.instrumentName), el("div", { class: "small muted" }, r.evidence.join(", "))),
        el("td", {}, r.requestedState, el("div", { class: "small muted" }, r.provider)),
        el("td", {}, statePill(r.state), r.emergency ? el("span", { class: "pill bad" }, "emergency") : null,
          r.refusalGround ? el("div", { class: "small error" }, `ground: ${r.refusalGround}`) : null,
          r.clarifications?.length ? el("div", { class: "small" }, `asked: ${r.clarifications.at(-1)}`) : null),
        el("td", {}, r.deadline && !isClosed(r) ? [countdown(r.deadline), el("div", { class: "small muted" }, r.deadlineStatus)] : r.deadlineStatus ?? "—"),
        el("td", { class: "row" },
          r.state === "awaiting-clarification" ? el("button", { class: "secondary", onclick: () => this.clarify(r) }, "Clarify") : null,
          !isClosed(r) && r.state !== "draft" ? el("button", { class: "secondary", onclick: () => this.act("Escalate", r.request) }, "Escalate") : null,
          !isClosed(r) && !["approved", "executing"].includes(r.state) ? el("button", { class: "secondary", onclick: () => this.act("Withdraw", r.request) }, "Withdraw") : null,
          el("button", { class: "secondary", onclick: () => this.procedure(r) }, "Procedure")))))));
  }

  async act(method, ...args) {
    try { await this.hub.invoke(method, ...args); }
    catch (error) { this.toast(reason(error)); }
  }

  clarify(r) {
    const note = el("textarea", { id: "clarify-note", placeholder: "The answer to their question" });
    this.dialog(`Clarify ${r.request}`, [el("p", { class: "small" }, `They asked: ${r.clarifications?.at(-1) ?? ""}`), note],
      "Send clarification", () => this.hub.invoke("Clarify", r.request, note.value));
  }

  procedure(r) {
    const preservation = this.view.preservations.find(p => p.request === r.request);
    showProcedure(this.panels.procedure.querySelector(".body"), r, preservation);
    this.panels.procedure.scrollIntoView({ behavior: "smooth" });
  }

  // ---- inbox: foreign requests to review against the rules and answer ----
  renderInbox() {
    const body = this.panels.inbox.querySelector(".body");
    const requests = this.view.incoming;
    if (requests.length === 0) { fill(body, el("p", { class: "muted" }, "No foreign requests.")); return; }
    fill(body, requests.map(r => {
      const mine = r.reviewer === this.identity.seat;
      const answerable = mine && r.state === "under-review";
      const p = r.particulars ?? {};
      return el("article", { class: "card", dataset: { request: r.request } },
        el("div", { class: "row" }, el("code", {}, r.request), el("strong", {}, r.instrumentName), statePill(r.state),
          r.emergency ? el("span", { class: "pill bad" }, "emergency") : null,
          r.deadline && !isClosed(r) ? countdown(r.deadline, "to answer") : null),
        el("div", { class: "small" }, `From ${r.issuer} for ${r.evidence.join(", ")} at ${r.provider}`),
        el("dl", { class: "small" },
          el("dt", {}, "Offence"), el("dd", {}, p.offence ?? "— (sent without the standard template)"),
          el("dt", {}, "Facts"), el("dd", {}, p.facts ?? "—"),
          el("dt", {}, "Necessity"), el("dd", {}, p.necessity ?? "—"),
          r.emergency ? [el("dt", {}, "Urgency"), el("dd", {}, p.urgency ?? "—")] : null),
        r.clarifications?.length ? el("div", { class: "small" }, `Clarifications: ${r.clarifications.join(" / ")}`) : null,
        answerable ? el("button", { dataset: { review: r.request }, onclick: () => this.review(r) }, "Review and answer")
          : el("p", { class: "small muted" }, !mine ? `Reviewed by ${r.reviewer ?? "the requested side"}.`
            : r.state === "received" ? "Waiting in your office's queue: the review opens when your office takes it up." : ""),
        el("button", { class: "secondary", onclick: () => this.procedure(r) }, "Procedure"));
    }));
  }

  review(r) {
    const checks = [
      ["dual-criminality", "The conduct is an offence here too (dual criminality), where the instrument requires it"],
      ["complete", "The request is complete: authority, offence, facts, data sought, necessity"],
      ["proportionate", "What is asked is necessary and proportionate to the offence"],
      ["no-ground", "No refusal ground applies"],
    ];
    const answer = el("select", { id: "answer-kind" },
      el("option", { value: "approve" }, "Approve"), el("option", { value: "refuse" }, "Refuse"),
      el("option", { value: "ask-clarification" }, "Ask for clarification"));
    const ground = el("select", { id: "answer-ground" }, el("option", { value: "" }, "— refusal ground —"),
      r.refusalGrounds.map(g => el("option", { value: g.id }, `${g.description} (${g.source})`)));
    const note = el("textarea", { id: "answer-note", placeholder: "Reasons, or the question to the issuing state" });
    this.dialog(`Answer ${r.request} from ${r.issuer}`, [
      el("p", { class: "small" }, `${r.instrumentName}: ${r.evidence.join(", ")} at ${r.provider}`),
      el("fieldset", {}, el("legend", { class: "small muted" }, "Review against the rules"),
        checks.map(([id, text]) => el("label", { class: "row small" }, el("input", { type: "checkbox", name: id }), text))),
      el("label", {}, el("span", {}, "Answer"), answer),
      el("label", {}, el("span", {}, "Refusal ground (to refuse)"), ground),
      el("label", {}, el("span", {}, "Note"), note),
    ], "Send answer", () => {
      if (answer.value === "refuse" && !ground.value) throw new Error("choose the refusal ground you rely on");
      return this.hub.invoke("AnswerRequest", r.request, answer.value, ground.value || null, note.value || null);
    });
  }

  // ---- preservations ----
  renderPreservations() {
    const body = this.panels.preservations.querySelector(".body");
    const list = this.view.preservations;
    if (list.length === 0) { fill(body, el("p", { class: "muted" }, "No preservations.")); return; }
    fill(body, el("table", {}, el("tbody", {}, list.map(p => el("tr", { dataset: { preservation: p.preservation } },
      el("td", {}, el("code", {}, p.preservation), el("div", { class: "small muted" }, `${p.evidence} · ${p.request}`)),
      el("td", {}, statePill(p.state)),
      el("td", {}, p.until ? [el("div", { class: "small" }, `until ${when(p.until)}`), ["active", "extended", "converted"].includes(p.state) ? countdown(p.until) : null] : "—"),
      el("td", {}, p.canExtend && this.view.outgoing.some(r => r.request === p.request) ? el("button", { class: "secondary", onclick: () => this.act("ExtendPreservation", p.preservation) }, "Extend") : null))))));
  }

  // ---- evidence locker ----
  renderLocker() {
    const body = this.panels.locker.querySelector(".body");
    const items = this.view.evidence;
    if (items.length === 0) { fill(body, el("p", { class: "muted" }, "Nothing secured yet.")); return; }
    fill(body, items.map(e => el("article", { class: "card", dataset: { evidence: e.evidence } },
      el("div", { class: "row" }, el("code", {}, e.evidence), el("span", { class: "small" }, e.category),
        e.custodyVerified ? el("span", { class: "pill ok", dataset: { custody: "verified" } }, "custody verified")
          : el("span", { class: "pill bad", dataset: { custody: "broken" } }, "custody NOT verified")),
      el("div", { class: "small muted" }, `secured ${when(e.securedAt)} by ${e.securedBy} · sha256 ${e.contentSha256?.slice(0, 16)}…`),
      el("ol", { class: "small" }, e.custody.map(c => el("li", {}, `${when(c.at)} ${c.action} by ${c.holder}${c.via ? ` via ${c.via}` : ""}`))),
      e.records?.length ? el("details", { class: "small" }, el("summary", {}, `${e.records.length} records`),
        el("pre", { class: "mono" }, e.records.slice(0, 20).join("\n"))) : null)));
  }

  // ---- dialogs and messages ----
  dialog(title, content, action, run) {
    const dialog = document.getElementById("dialog");
    const error = el("p", { class: "error", role: "alert" });
    fill(dialog, el("form", { method: "dialog", class: "stack" }, el("h2", {}, title), content, error,
      el("div", { class: "row" },
        el("button", { type: "button", id: "dialog-ok", onclick: async () => {
          try { await run(); dialog.close(); } catch (e) { error.textContent = reason(e); }
        } }, action),
        el("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Cancel"))));
    dialog.showModal();
  }

  toast(message) {
    const node = el("div", { class: "panel wide error", role: "alert", id: "toast" }, message);
    document.getElementById("toast")?.remove();
    this.main.prepend(node);
    setTimeout(() => node.remove(), 8000);
  }
}
