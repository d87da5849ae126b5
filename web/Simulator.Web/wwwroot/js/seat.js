// A trainee's seat: one state's authority. The page is its panels (js/seat/), each filled from the seat's view
// (docs/hub.md "Views"), which the server pushes after every step; this module holds what they share (the view, the
// clock, who this is, the evidence chosen for a request) and renders them through the one refresh scheduler.
import { el, fill, reason, tickCountdowns } from "./format.js";
import { showProcedure } from "./diagrams.js";
import { renderSoon } from "./scheduler.js";
import { toast } from "./dialog.js";
import { WarningsPanel } from "./seat/warnings.js";
import { FeedPanel } from "./seat/feed.js";
import { LeadsPanel } from "./seat/leads.js";
import { AdvisorPanel } from "./seat/advisor.js";
import { RequestForm } from "./seat/request-form.js";
import { OutgoingPanel } from "./seat/outgoing.js";
import { InboxPanel } from "./seat/inbox.js";
import { PreservationsPanel } from "./seat/preservations.js";
import { LockerPanel } from "./seat/locker.js";
import { ConsentsPanel } from "./seat/consents.js";
import { MessagesPanel } from "./seat/messages.js";
import { HotWashPanel } from "./seat/hot-wash.js";

export class SeatView {
  constructor(main, connection, first) {
    this.main = main;
    this.hub = connection;
    this.view = first.view;
    this.clock = first.clock;
    this.identity = first.identity;
    /** The evidence ticked under the leads: what the advisor advises on and the request will seek. */
    this.selected = new Set();
    // The panels are built once; render() fills them, so forms being typed into survive every update.
    this.warnings = new WarningsPanel(this);
    this.feed = new FeedPanel(this);
    this.messages = new MessagesPanel(this);
    this.hotWash = new HotWashPanel(this);
    /** Shown while the trainer has handed this seat to the engine. */
    this.engineNotice = { element: el("section", { class: "panel wide warnings", id: "played-by-engine", hidden: true }, el("h2", {}, "The engine plays your seat for now"),
      el("p", { class: "small" }, "The trainer has handed your office to the engine: it acts for you until the trainer gives the seat back. You can still read everything.")) };
    this.leads = new LeadsPanel(this);
    this.advisor = new AdvisorPanel(this);
    this.form = new RequestForm(this);
    this.outgoing = new OutgoingPanel(this);
    this.inbox = new InboxPanel(this);
    this.preservations = new PreservationsPanel(this);
    this.locker = new LockerPanel(this);
    this.consents = new ConsentsPanel(this);
    this.procedure = el("section", { class: "panel wide", id: "procedure" }, el("h2", {}, "Procedure"), el("div", { class: "body" },
      el("p", { class: "muted small" }, "Choose “Procedure” on a request to see where it stands.")));
    fill(this.main, [this.engineNotice, this.hotWash, this.warnings, this.feed, this.messages, this.leads, this.advisor, this.form, this.outgoing, this.inbox, this.preservations, this.locker, this.consents]
      .map(p => p.element), this.procedure);
    this.render();
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

  onClock(clock) {
    const ended = clock.ended && !this.clock.ended;
    this.clock = clock;
    this.warnings.render();
    if (ended) this.hotWash.render();
  }

  render() {
    this.engineNotice.element.hidden = !this.view.playedByEngine;
    for (const p of [this.hotWash, this.warnings, this.feed, this.messages, this.leads, this.outgoing, this.inbox, this.preservations, this.locker, this.consents]) p.render();
    this.form.refreshEvidence();
    tickCountdowns(this.clock.now);
  }

  /** A decision from a panel's button; its effect arrives with the pushed view, a refusal as a message. */
  async act(method, ...args) {
    try { await this.hub.invoke(method, ...args); }
    catch (error) { toast(this.main, reason(error)); }
  }

  showProcedure(r) {
    const preservation = this.view.preservations.find(p => p.request === r.request);
    showProcedure(this.procedure.querySelector(".body"), r, preservation);
    this.procedure.scrollIntoView({ behavior: "smooth" });
  }
}
