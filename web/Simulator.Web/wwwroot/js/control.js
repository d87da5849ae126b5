// The control room: the trainer's console, and the observers' read-only view of the same (without controls or the
// MSEL's sealed expected actions, which the server leaves out for observers).
import { el, fill, when, exerciseDay, countdown, reason, statePill, isClosed, tickCountdowns, speedText, utcInput, parseUtcInput, utcInputValue, span } from "./format.js";
import { exerciseLink } from "./address.js";
import { showProcedure } from "./diagrams.js";
import { drawGantt, drawSecuredVsLost } from "./charts.js";
import { DebriefPanel } from "./debrief.js";
import { renderSoon } from "./scheduler.js";
import { openDialog } from "./dialog.js";
import { CommunicationsPanel } from "./communications.js";
import { EvaluationPanel } from "./evaluation.js";

const speeds = [1, 60, 600, 3600, 21600, 86400, 604800];

export class ControlRoom {
  /** code: what the trainer joined with (for the seat-screen links); credential: what the REST API is called with now (a function: their token, renewed when it expires). */
  constructor(main, connection, first, code, credential = code) {
    this.main = main;
    this.code = code;
    this.credential = credential;
    this.exerciseId = first.identity.exerciseId;
    this.hub = connection;
    this.view = first.view;
    this.clock = first.clock;
    this.trainer = first.identity.role === "trainer";
    this.evaluator = first.identity.role === "evaluator";
    /** The trainer and the evaluator see the MSEL's sealed expected actions; observers do not. */
    this.seesSealed = this.trainer || this.evaluator;
    this.events = [];
    this.build();
  }

  async start() {
    // The whole journal this identity may see, page by page: the charts and the event log are drawn from it.
    for (let after = 0; ;) {
      const page = await this.hub.invoke("GetJournal", after, 5000);
      this.events.push(...page);
      if (page.length < 5000) break;
      after = page.at(-1).sequence;
    }
    if (this.events.length) this.hub.setLastSequence(this.events.at(-1).sequence);
    this.render();
    this.onPresence(await this.hub.invoke("GetPresence"));
  }

  build() {
    const panel = (id, title, wide = false) => el("section", { class: `panel${wide ? " wide" : ""}`, id }, el("h2", {}, title), el("div", { class: "body" }));
    this.panels = {
      controls: this.trainer ? panel("clock-controls", "Clock") : null,
      msel: panel("msel", "MSEL timeline", true),
      requests: panel("requests", "Requests across the exercise", true),
      seats: panel("seats", "Seats at a glance", true), // six columns per state: a whole row, so none is cut off
      objectives: panel("objectives", "Objectives"),
      rights: panel("rights", "Rights and safeguards"),
      presence: panel("presence", "Who is connected"),
      gantt: panel("gantt", "Timeline of requests per state", true),
      evidence: panel("evidence-chart", "Evidence secured and lost"),
      journal: panel("journal", "Latest events"),
      communications: panel("communications", "Messages, referrals and answers", true),
      evaluation: this.seesSealed ? panel("evaluation", "Evaluation: guides, ratings, observations, hot wash", true) : null,
      procedure: panel("procedure", "Procedure", true),
      debrief: this.trainer ? panel("debrief", "Debrief: step through, branch, download", true) : null,
    };
    if (this.trainer) this.buildControls();
    this.communications = new CommunicationsPanel(this.panels.communications.querySelector(".body"), this);
    if (this.seesSealed) this.evaluation = new EvaluationPanel(this.panels.evaluation.querySelector(".body"), this);
    if (this.trainer) this.debrief = new DebriefPanel(this.panels.debrief.querySelector(".body"), this.exerciseId, this.credential, this.clock.start, this.view.scenario);
    fill(this.panels.procedure.querySelector(".body"), el("p", { class: "muted small" }, "Choose a request to see where it stands in its procedure."));
    const gantt = this.panels.gantt.querySelector(".body"); // scrolls sideways when wide: the keyboard can scroll it too
    Object.assign(gantt, { tabIndex: 0 });
    gantt.setAttribute("role", "region");
    gantt.setAttribute("aria-label", "Timeline of requests per state");
    fill(this.main, Object.values(this.panels).filter(Boolean));
    addEventListener("resize", () => { clearTimeout(this.resized); this.resized = setTimeout(() => this.drawCharts(), 150); });
    // The evidence chart is drawn at its panel's width; redrawn in the same frame its panel changes width, its
    // labels are never shown scaled down (the debounced redraw above would show them shrunk for 150 ms).
    const evidence = this.panels.evidence.querySelector(".body");
    new ResizeObserver(() => { if (evidence.dataset.drawnWidth && evidence.dataset.drawnWidth !== String(Math.round(evidence.clientWidth))) this.drawEvidence(); })
      .observe(evidence);
  }

  buildControls() {
    const speed = el("select", { id: "speed", "aria-label": "speed" }, speeds.map(v => el("option", { value: v }, speedText(v))));
    const jump = utcInput("jump-to", "jump to (UTC, 24-hour: YYYY-MM-DD HH:MM)");
    const error = el("p", { class: "error", id: "control-error", role: "alert" });
    const call = async (method, ...args) => {
      error.textContent = "";
      try { this.showClock(await this.hub.invoke(method, ...args)); } catch (e) { error.textContent = reason(e); }
    };
    speed.addEventListener("change", () => call("SetSpeed", Number(speed.value)));
    this.speedSelect = speed;
    fill(this.panels.controls.querySelector(".body"), el("div", { class: "stack" },
      el("div", { class: "row" },
        el("button", { id: "clock-start", onclick: () => call(this.clock.now === this.clock.start ? "StartClock" : "ResumeClock") }, "Start / resume"),
        el("button", { id: "clock-pause", class: "secondary", onclick: () => call("PauseClock") }, "Pause"),
        el("label", { class: "row" }, "Speed", speed)),
      el("div", { class: "row" },
        el("button", { id: "next-event", class: "secondary", onclick: () => this.confirmJump(this.clock.nextEventAt, () => call("JumpToNextEvent")) }, "Jump to the next event"),
        jump,
        el("button", { id: "jump", class: "secondary", onclick: () => jump.value && this.jumpTo(jump.value, call, error) }, "Jump (UTC)")),
      el("p", { class: "small muted", id: "next-event-at" }),
      el("div", { class: "row" }, el("button", { id: "end-exercise", class: "secondary", onclick: () => this.endExercise() }, "End exercise"),
        el("button", { id: "show-codes", class: "secondary", onclick: () => this.showCodes() }, "Codes")),
      error));
  }

  /** Jumps to what the trainer typed (24-hour UTC); a time that is not one is said so, and nothing moves. */
  jumpTo(text, call, error) {
    let to;
    try { to = parseUtcInput(text); } catch (e) { error.textContent = e.message; return; }
    return this.confirmJump(to, () => call("JumpTo", to));
  }

  /**
   * A jump of more than a day, or one that reaches the end, is confirmed first, with what will happen in between:
   * the evidence of the known leads that will be deleted or whose preservation will run out on the way.
   */
  confirmJump(to, jump) {
    if (!to) return jump();
    const now = new Date(this.clock.now), target = new Date(to), end = new Date(this.clock.end);
    if (target - now <= 86400000 && target < end) return jump();
    const lost = this.view.leads.flatMap(l => l.evidence)
      .filter(e => e.status === "available" || e.status === "preserved")
      .map(e => ({ e, until: new Date(e.preservedUntil ?? e.retentionExpiresAt) }))
      .filter(x => x.until > now && x.until <= target)
      .sort((a, b) => a.until - b.until);
    openDialog(`Jump to ${when(to)}?`, [
      el("p", {}, `That moves the clock ${span(Math.min(target, end) - now)} on${target >= end ? " and reaches the end: the exercise will end, and its reports become final" : ""}.`),
      ...(lost.length ? [el("p", {}, `On the way, ${lost.length} item(s) of the known leads will be lost unless someone acts first:`),
        el("ul", { id: "jump-losses", class: "small" }, lost.map(({ e, until }) => el("li", {}, `${e.evidence} at ${e.holderName}: ${e.preservedUntil ? "preservation ends" : "deleted"} ${when(until.toISOString())}`)))]
        : [el("p", { class: "small muted" }, "No item of the known leads is due to be lost on the way.")]),
    ], "Jump", jump);
  }

  /** Ends the exercise for good, once the trainer confirms: the clock stops and the reports are final. */
  endExercise() {
    const reason = el("textarea", { id: "end-reason", maxlength: 500, placeholder: "Optional: why it ends now (kept in the journal)" });
    openDialog("End the exercise?", [
      el("p", {}, "The clock stops for good, the objectives are rated for the last time and the reports become final. Trainees can no longer act."),
      el("label", {}, el("span", {}, "Reason"), reason),
    ], "End exercise", () => this.hub.invoke("EndExercise", reason.value || null));
  }

  /**
   * The exercise's codes and who holds its tokens. Codes are kept only hashed, so a code is shown once: when the
   * exercise is made, or here when the trainer issues a new one (the old one stops opening the exercise). Each person
   * who joined holds a token of their own: the trainer sees them, ends one person's access, and sets how many may
   * share a seat.
   */
  async showCodes() {
    const [seats, tokens] = await Promise.all([this.hub.invoke("GetCodes"), this.hub.invoke("GetTokens")]);
    const link = code => exerciseLink({ code }, location.origin);
    const codeRows = [...seats, ...(seats.includes("evaluator") ? [] : ["evaluator"])].map(seat => {
      const shown = el("td", { class: "mono" }, "shown when made");
      const button = el("button", { type: "button", class: "secondary small", dataset: { reissue: seat }, onclick: async () => {
        // Two steps: the old code stops opening the exercise, so a stray click must not replace it.
        if (button.dataset.confirm !== "yes") { button.dataset.confirm = "yes"; button.textContent = "Replace the code?"; return; }
        button.dataset.confirm = "";
        try {
          const fresh = await this.hub.invoke("ReissueCode", seat);
          fill(shown, el("span", {}, fresh.code), " ", el("a", { href: link(fresh.code), class: "small" }, "link"));
          button.textContent = "New code again";
        } catch (e) { fill(shown, el("span", { class: "error" }, reason(e))); }
      } }, "New code");
      return el("tr", { dataset: { seat } }, el("td", {}, seat), shown, el("td", {}, button));
    });
    const people = el("tbody");
    const drawPeople = list => fill(people, list.tokens.length === 0 ? el("tr", {}, el("td", { colspan: 5, class: "muted" }, "Nobody has joined yet."))
      : list.tokens.map(t => el("tr", { dataset: { token: t.id, seat: t.seat } },
        el("td", {}, t.seat), el("td", {}, t.name ?? "—"), el("td", { class: "small" }, when(t.issuedAt)),
        el("td", { class: "small" }, t.open ? `until ${when(t.expiresAt)}` : t.revokedAt ? `ended ${when(t.revokedAt)}` : "expired"),
        el("td", {}, t.open && t.id !== this.hub.tokenId?.() ? el("button", { type: "button", class: "secondary small", dataset: { revoke: t.id }, onclick: async () => {
          try {
            await this.hub.invoke("RevokeTokens", [t.id]);
            drawPeople(await this.hub.invoke("GetTokens"));
          } catch (e) { perSeatError.textContent = reason(e); }
        } }, "End access") : t.open ? el("span", { class: "small muted" }, "this console") : null))));
    drawPeople(tokens);
    const perSeat = el("input", { id: "trainees-per-seat", type: "number", min: 1, max: 1000, value: tokens.traineesPerSeat });
    const perSeatError = el("span", { class: "error small", role: "alert" });
    openDialog("Codes and people", [
      el("p", { class: "small muted" }, "Codes are kept only as keyed hashes: each is shown once. A new code replaces the old one; people who joined with the old one stay until you end their access."),
      el("table", { id: "codes-table" }, el("tbody", {}, codeRows)),
      el("h3", {}, "People who joined"),
      el("table", { id: "tokens-table" }, el("thead", {}, el("tr", {}, ["Seat", "Name", "Joined", "Access", ""].map(h => el("th", {}, h)))), people),
      el("label", {}, el("span", {}, "People who may share one seat"), perSeat,
        el("button", { type: "button", class: "secondary small", id: "set-trainees-per-seat", onclick: async () => {
          try { drawPeople(await this.hub.invoke("SetTraineesPerSeat", Number(perSeat.value))); perSeatError.textContent = ""; }
          catch (e) { perSeatError.textContent = reason(e); }
        } }, "Set"), perSeatError),
    ], "Close", () => {});
  }

  showClock(clock) {
    this.clock = clock;
    this.debrief?.onClock(clock);
    if (this.speedSelect && !speeds.includes(clock.speed)) this.speedSelect.append(el("option", { value: clock.speed }, speedText(clock.speed)));
    if (this.speedSelect && document.activeElement !== this.speedSelect) this.speedSelect.value = String(clock.speed);
    const next = document.getElementById("next-event-at");
    if (next) next.textContent = clock.ended ? "The exercise has ended." : clock.nextEventAt ? `Next scheduled event: ${when(clock.nextEventAt)}` : "";
  }

  refresh(full) { this.view = full.view; this.showClock(full.clock); this.render(); }

  onClock(clock) { this.showClock(clock); }

  /** The events feed the charts and the event log; the view they leave follows them (onView). */
  onEvents(events) {
    const known = new Set(this.events.map(e => e.sequence));
    this.events.push(...events.filter(e => !known.has(e.sequence)));
    this.events.sort((a, b) => a.sequence - b.sequence);
  }

  /** The overview after the latest events, pushed: rendered at the next frame, bursts coalesced. */
  onView(pushed) {
    this.view = pushed.view;
    this.clock = pushed.clock;
    renderSoon("control-room", () => this.render());
  }

  /** The state grains recorded new desks (a little after the events that changed them): redraw the seats panel. */
  onEntities() {
    clearTimeout(this.pendingDesks);
    this.pendingDesks = setTimeout(() => this.renderSeats(), 50);
  }

  onPresence(lines) {
    fill(this.panels.presence.querySelector(".body"), lines.length === 0 ? el("p", { class: "muted" }, "Nobody is connected.")
      : el("table", {}, el("tbody", {}, lines.map(l => el("tr", { dataset: { who: l.who } },
        el("td", {}, l.who, l.names?.length ? el("div", { class: "small", dataset: { names: l.names.join(", ") } }, l.names.join(", ")) : null),
        el("td", {}, l.role), el("td", { class: "small muted" }, `${l.connections} console${l.connections > 1 ? "s" : ""}`))))));
  }

  render() {
    this.showClock(this.clock);
    this.renderMsel();
    this.renderRequests();
    this.renderObjectives();
    this.renderRights();
    this.renderJournal();
    this.communications.render();
    this.evaluation?.render();
    this.renderSeats();
    this.drawCharts();
    tickCountdowns(this.clock.now);
  }

  drawCharts() {
    drawGantt(this.panels.gantt.querySelector(".body"), this.view.requests, this.clock.now);
    this.drawEvidence();
  }

  drawEvidence() {
    const body = this.panels.evidence.querySelector(".body");
    drawSecuredVsLost(body, this.events, this.clock.start, this.clock.now);
    body.dataset.drawnWidth = String(Math.round(body.clientWidth));
  }

  renderMsel() {
    const injects = [...this.view.injects].sort((a, b) => (a.at ?? "9").localeCompare(b.at ?? "9"));
    fill(this.panels.msel.querySelector(".body"),
      this.trainer ? el("div", { class: "row" }, el("button", { class: "secondary", id: "add-inject", onclick: () => this.addInject() }, "Add an inject")) : null,
      el("table", {},
      el("thead", {}, el("tr", {}, ["When", "To", "Inject", "Status", this.seesSealed ? "Expected action" : null, this.trainer ? "" : null].filter(Boolean).map(h => el("th", {}, h)))),
      el("tbody", {}, injects.map(i => el("tr", { dataset: { inject: i.inject, status: i.status } },
        el("td", {}, i.at ? exerciseDay(i.at, this.clock.start) : el("span", { class: "muted" }, "on condition"), i.conditional ? el("div", { class: "small muted" }, "conditional") : null),
        el("td", { class: "small" }, (i.to ?? []).join(", ")),
        el("td", {}, el("strong", {}, i.title), el("div", { class: "small muted" }, i.text)),
        el("td", {}, statePill(i.status), i.happenedAt && i.happenedAt !== i.at
          ? el("div", { class: "small", dataset: { happened: i.happenedAt } }, `${i.status} ${exerciseDay(i.happenedAt, this.clock.start)}`) : null),
        this.seesSealed ? el("td", { class: "small" }, i.expectedAction ?? "") : null,
        this.trainer ? el("td", { class: "row" },
          i.status === "pending" ? [
            el("button", { class: "secondary", dataset: { fire: i.inject }, onclick: () => this.fire(i) }, "Fire now"),
            el("button", { class: "secondary", dataset: { edit: i.inject }, onclick: () => this.edit(i) }, "Edit")] : null) : null)))));
  }

  async fire(inject) {
    try { await this.hub.invoke("FireInject", inject.inject); }
    catch (error) { document.getElementById("control-error").textContent = reason(error); }
  }

  edit(inject) {
    const at = utcInput("edit-at", "time (UTC, 24-hour)", inject.at);
    const title = el("input", { id: "edit-title", value: inject.title });
    const text = el("textarea", { id: "edit-text" }, inject.text ?? "");
    const to = el("input", { id: "edit-to", value: (inject.to ?? []).join(", "), "aria-describedby": "edit-to-hint" });
    const expected = el("textarea", { id: "edit-expected" }, inject.expectedAction ?? "");
    openDialog(`Edit inject ${inject.inject}`,
      [el("label", {}, el("span", {}, "Time (UTC, 24-hour)"), at), el("label", {}, el("span", {}, "Title"), title), el("label", {}, el("span", {}, "Text"), text),
        el("label", {}, el("span", {}, "To"), to), el("p", { class: "small muted", id: "edit-to-hint" }, recipientsHint),
        el("label", {}, el("span", {}, "Expected action (the trainer's and evaluator's; empty removes it)"), expected)],
      "Save", () => {
        const newAt = at.value && at.value.trim() !== utcInputValue(inject.at) ? parseUtcInput(at.value) : null;
        const recipients = recipientsOf(to.value);
        const changed = (a, b) => a !== b ? a : null;
        return this.hub.invoke("ReviseInject", inject.inject, newAt, changed(title.value, inject.title), changed(text.value, inject.text ?? ""),
          recipients.join(",") !== (inject.to ?? []).join(",") ? recipients : null, changed(expected.value, inject.expectedAction ?? ""));
      });
  }

  /** An inject the MSEL did not plan, added now or for a later time. */
  addInject() {
    const title = el("input", { id: "add-title", maxlength: 200 });
    const text = el("textarea", { id: "add-text", maxlength: 4000 });
    const to = el("input", { id: "add-to", placeholder: "AL/investigator, BE", "aria-describedby": "add-to-hint" });
    const expected = el("textarea", { id: "add-expected", maxlength: 4000 });
    const at = utcInput("add-at", "time (UTC, 24-hour; empty: now)", null);
    openDialog("Add an inject", [
      el("label", {}, el("span", {}, "Title"), title), el("label", {}, el("span", {}, "Text"), text),
      el("label", {}, el("span", {}, "To"), to), el("p", { class: "small muted", id: "add-to-hint" }, recipientsHint),
      el("label", {}, el("span", {}, "Expected action (optional)"), expected),
      el("label", {}, el("span", {}, "When (UTC, 24-hour; empty: now)"), at),
    ], "Add", () => this.hub.invoke("AddInject", title.value, text.value, recipientsOf(to.value), expected.value || null, at.value.trim() ? parseUtcInput(at.value) : null));
  }

  renderRequests() {
    const requests = this.view.requests;
    const open = requests.filter(r => !isClosed(r)).length;
    fill(this.panels.requests.querySelector(".body"), requests.length === 0 ? el("p", { class: "muted" }, "No requests yet.") : [
      el("p", { class: "small muted" }, `${requests.length} requests, ${open} in flight.`),
      el("table", {}, el("thead", {}, el("tr", {}, ["Request", "From → to", "Evidence", "State", "Deadline", ""].map(h => el("th", {}, h)))),
        el("tbody", {}, requests.map(r => el("tr", { dataset: { request: r.request, state: r.state } },
          el("td", {}, el("code", {}, r.request), el("div", { class: "small" }, r.instrumentName)),
          el("td", {}, `${r.issuer} → ${r.requestedState}`, el("div", { class: "small muted" }, r.provider)),
          el("td", { class: "small" }, r.evidence.join(", ")),
          el("td", {}, statePill(r.state), r.emergency ? el("span", { class: "pill bad" }, "emergency") : null,
            r.urgent ? el("span", { class: "pill warn" }, "urgent") : null,
            r.scope?.excess.length ? el("span", { class: "pill bad", title: r.scope.excess.join("; ") }, "over-broad") : null,
            r.scope?.narrowed ? el("span", { class: "pill warn" }, "narrowed") : null,
            r.minimise ? el("span", { class: "pill ok" }, "minimised") : null),
          el("td", {}, r.deadline && !isClosed(r) ? countdown(r.deadline) : null, r.deadlineStatus ? el("div", { class: "small muted" }, r.deadlineStatus) : null),
          el("td", {}, el("button", { class: "secondary", onclick: () => this.procedure(r) }, "Procedure"))))))]);
  }

  procedure(r) {
    const preservation = this.view.preservations.find(p => p.request === r.request);
    showProcedure(this.panels.procedure.querySelector(".body"), r, preservation);
    this.panels.procedure.scrollIntoView({ behavior: "smooth" });
  }

  renderObjectives() {
    fill(this.panels.objectives.querySelector(".body"), el("table", {}, el("tbody", {}, this.view.objectives.map(o => el("tr", { dataset: { objective: o.id } },
      el("td", {}, el("strong", {}, o.capability), el("div", { class: "small" }, o.task), o.ratingEvidence ? el("div", { class: "small muted" }, o.ratingEvidence) : null),
      el("td", {}, objectiveRating(o)))))));
  }

  /** The rights side as the trainer watches it (docs/safeguards.md): counts by kind, never one score, each with what it names. */
  renderRights() {
    const requests = this.view.requests, evidence = this.view.evidence;
    const overBroad = requests.filter(r => r.scope?.excess.length);
    const narrowed = requests.filter(r => r.scope?.narrowed);
    const minimised = requests.filter(r => r.minimise);
    const at = verdict => evidence.filter(e => e.admissibility === verdict);
    const challenged = at("admissible-under-challenge"), excluded = at("excluded");
    // Purpose limitation: each use beyond the purpose without the consent it needed, and the consents refused.
    const violations = evidence.flatMap(e => (e.uses ?? []).filter(u => u.violation).map(u => ({ evidence: `${e.evidence} ${u.kind === "onward-transfer" ? "to" : "in"} ${u.for}` })));
    const refusedConsents = (this.view.consents ?? []).filter(c => c.state === "refused").map(c => ({ evidence: `${c.consent} (${c.evidence})` }));
    // Oversight of emergencies, and providers' duties under EU orders (REG Arts. 4(5), 15-16).
    const emergencies = requests.filter(r => r.emergency && r.sentAt);
    const notHeld = requests.filter(r => r.emergencyClaimHeld === false);
    const lapsed = requests.filter(r => r.lapsedWithEmergency);
    const inDefault = requests.filter(r => r.enforcement);
    const penalised = requests.filter(r => r.enforcement?.penalised);
    // Telling the person whose data an order obtained (REG Art. 13): still due, neither told nor a delay recorded.
    const notInformed = requests.filter(r => r.informing?.status === "due");
    const row = (label, items, name, cls) => el("tr", { dataset: { rights: name } },
      el("th", { scope: "row" }, label), el("td", {}, el("span", { class: `pill ${items.length ? cls : "muted"}` }, String(items.length))),
      el("td", { class: "small" }, items.map(i => i.request ?? i.evidence).join(", ")));
    fill(this.panels.rights.querySelector(".body"),
      el("table", {}, el("tbody", {},
        row("Requests beyond what the facts support", overBroad, "over-broad", "bad"),
        row("Narrowed by the requested state", narrowed, "narrowed", "warn"),
        row("Minimised production", minimised, "minimised", "ok"),
        row("Secured, admissible at trial", at("admissible"), "admissible", "ok"),
        row("Secured, open to challenge at trial", challenged, "under-challenge", "warn"),
        row("Secured, excluded at trial", excluded, "excluded", "bad"),
        row("Used beyond its purpose without the consent needed", violations, "purpose-violations", "bad"),
        row("Consent to another use refused", refusedConsents, "consents-refused", "warn"),
        row("Emergency requests sent", emergencies, "emergencies", "warn"),
        row("Emergency claims that did not hold", notHeld, "emergency-not-held", "bad"),
        row("Lapsed with their emergency", lapsed, "lapsed-with-emergency", "bad"),
        row("Orders whose addressee let the deadline pass", inDefault, "in-default", "warn"),
        row("Orders whose provider was penalised for not complying", penalised, "penalties", "bad"),
        row("Persons not told their data were obtained, nor a delay recorded", notInformed, "not-informed", "warn"))),
      el("p", { class: "small muted" }, "The trial is held at the end; until then, what it would make of each secured item now."));
  }

  renderJournal() {
    const last = this.events.slice(-40).reverse();
    fill(this.panels.journal.querySelector(".body"), el("div", { class: "feed", tabindex: 0, role: "region", "aria-label": "Latest events" }, el("table", {}, el("tbody", {}, last.map(e => el("tr", {},
      el("td", { class: "small muted" }, when(e.at)), el("td", { class: "small" }, e.type), el("td", { class: "small mono" }, summarise(e))))))));
  }

  /** Hands a trainee's seat to the engine, or gives it back; the seats panel redraws when the desks change. */
  async seatTo(method, seat) {
    try { await this.hub.invoke(method, seat); }
    catch (error) { document.getElementById("control-error").textContent = reason(error); }
  }

  async renderSeats() {
    // Each state's desk: who plays its offices (a trainee or the engine), how busy they are, what they sent and received.
    const body = this.panels.seats.querySelector(".body");
    try {
      const desks = await Promise.all(this.view.jurisdictions.map(j => this.hub.invoke("GetDesk", j.id)));
      fill(body, el("table", {}, el("thead", {}, el("tr", {}, ["State", "Trainees", "Contact point", "Central authority", "Sent", "Received"].map(h => el("th", {}, h)))),
        el("tbody", {}, desks.map(d => el("tr", { dataset: { state: d.state } },
          el("td", {}, el("strong", {}, d.state), el("div", { class: "small muted" }, d.name)),
          el("td", { class: "small" }, d.seats.map(s => el("div", {}, s, " ", this.seesSealed
            ? el("a", { href: exerciseLink({ code: this.code, as: s }), target: "_blank", dataset: { watch: s } }, "screen") : null,
            this.trainer ? el("button", { class: "secondary small", dataset: { handOver: s }, onclick: () => this.seatTo("HandSeatToEngine", s) }, "to engine") : null)),
            (d.handedOver ?? []).map(s => el("div", { dataset: { handedOver: s } }, `${s}: engine plays it for now `,
              this.trainer ? el("button", { class: "secondary small", dataset: { giveBack: s }, onclick: () => this.seatTo("GiveSeatBack", s) }, "give back") : null)),
            el("span", { class: "muted" }, !d.policy ? (d.seats.length ? "nobody plays the other offices" : "nobody plays it")
              : d.seats.length ? `engine plays the other offices (${d.policy})` : `engine plays it (${d.policy})`)),
          el("td", { class: "small" }, office(d.contactPoint?.office)),
          el("td", { class: "small" }, office(d.centralAuthority?.office)),
          el("td", {}, d.sent.length), el("td", {}, d.received.length))))));
    } catch (error) { fill(body, el("p", { class: "error" }, reason(error))); }
  }
}

const recipientsHint = "States (AL: every office of it) or seats (AL/prosecutor), separated by commas.";
const recipientsOf = text => text.split(",").map(t => t.trim()).filter(Boolean);

/** While the exercise runs, an objective not met is "not yet met", not a failure: it may still be met. */
function objectiveRating(o) {
  if (!o.rating) return el("span", { class: "pill muted" }, "not rated");
  if (o.provisional && o.rating === "unable-to-be-performed") return el("span", { class: "pill muted", dataset: { state: "not-yet" } }, "not yet met");
  return [statePill(o.rating), o.provisional ? el("div", { class: "small muted" }, "so far") : null];
}

function office(o) {
  if (!o) return "—";
  return [el("div", {}, o.playedBy === "trainee" ? el("span", { class: "pill ok" }, `trainee ${o.seat}`)
    : o.playedBy === "nobody" ? el("span", { class: "pill bad" }, "nobody") : el("span", { class: "pill muted" }, "engine")),
    el("div", { class: "muted" }, `${o.busy} busy, ${o.waiting.length} waiting, ${o.handled} handled`),
    o.working?.length ? el("div", { class: "muted mono" }, `on ${o.working.join(", ")}`) : null];
}

function summarise(e) {
  const d = e.data;
  return ["request", "evidence", "inject", "lead", "preservation", "to", "reason", "title"]
    .filter(k => d[k] !== undefined).map(k => `${k}: ${Array.isArray(d[k]) ? d[k].join(",") : d[k]}`).join(" · ");
}
