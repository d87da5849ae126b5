// The exercise page: joins with the code in the address (#code=..., js/address.js) and shows the view of that identity: a
// trainee's seat, or the control room for the trainer and observers.
import { connect } from "./connection.js";
import { el, fill, when, exerciseDay, tickCountdowns, reason, speedText, localTime } from "./format.js";
import { SeatView } from "./seat.js";
import { ControlRoom } from "./control.js";
import { SeatWatch } from "./seat-watch.js";
import { addressParams } from "./address.js";
import { openDialog } from "./dialog.js";

const params = addressParams();
// Another code typed into the address changes only the fragment, which reloads nothing by itself: join afresh.
window.addEventListener("hashchange", () => location.reload());
/** An organiser opening their own exercise's trainer console by their sign-in (#exercise=ID, from the start page): no code. */
const organiserOf = params.get("code") ? null : params.get("exercise");
const code = params.get("code") ?? (organiserOf ? `organiser-${organiserOf}` : null);
/** The person's name (#name=, else the one this browser was given last), shown to the trainer: several people may share a seat. */
const name = params.get("name")?.trim() || localStorage.getItem("name") || null;
if (name) localStorage.setItem("name", name);
/** The trainer or evaluator looking at a seat's screen (#as=STATE/role). */
const watching = params.get("as");
const main = document.getElementById("console");
if (!code) {
  fill(main, el("section", { class: "panel" }, el("p", {}, "No code given. "), el("a", { href: "/" }, "Go to the start page to join an exercise.")));
} else {
  start().catch(error => fill(main, el("section", { class: "panel" },
    el("h2", {}, "Could not join"), el("p", { class: "error", id: "join-error" }, reason(error)), el("a", { href: "/" }, "Back to the start page"))));
}

async function start() {
  let page = null;
  const connection = await connect(code, {
    onJoined: (view, again) => {
      if (!page) return; // the first view is handled below, once the page exists
      page.refresh(view);
      showClock(view.clock, view.clock.start);
    },
    // An Events message carries the clock: the server sends no separate Clock message to a connection that got events.
    onEvents: (events, clock) => { page?.onEvents(events); showClock(clock); page?.onClock?.(clock); },
    // The view those events leave, pushed right after them: the page applies it, without asking again.
    onView: pushed => page?.onView(pushed),
    onClock: clock => { showClock(clock); page?.onClock?.(clock); },
    onPresence: lines => page?.onPresence?.(lines),
    onEntities: () => page?.onEntities?.(),
  }, name, organiserOf);
  const first = connection.view;
  const { identity } = first;
  document.title = `${first.view.title ?? first.view.seat} · exercise console`;
  document.getElementById("title").textContent = identity.role === "seat" ? `Seat ${identity.seat}` : identity.role === "trainer" ? "Trainer console" : identity.role === "evaluator" ? "Evaluator console" : "Observer view";
  document.getElementById("who").textContent = `exercise ${identity.exerciseId}`;
  if (watching && (identity.role === "trainer" || identity.role === "evaluator")) {
    const seen = await connection.invoke("GetSeatView", watching);
    page = new SeatWatch(main, connection, seen, watching);
    document.getElementById("title").textContent = `${watching}'s screen (read only)`;
    local = { offset: seen.view.utcOffsetMinutes ?? 0, state: seen.view.jurisdiction };
    showClock(first.clock, first.clock.start);
    return;
  }
  page = identity.role === "seat" ? new SeatView(main, connection, first) : new ControlRoom(main, connection, first, organiserOf ? connection.credential() : code, () => connection.credential());
  showLeave(connection);
  // A seat reads its own state's clock beside UTC (the view says its state's offset).
  if (identity.role === "seat") local = { offset: first.view.utcOffsetMinutes ?? 0, state: first.view.jurisdiction };
  await page.start?.();
  showClock(first.clock, first.clock.start);
}

/** "Leave": this person's token stops opening the exercise (on this computer and any other holding it); the code stays theirs to join with again. */
function showLeave(connection) {
  const button = document.getElementById("leave");
  button.hidden = false;
  button.addEventListener("click", async () => {
    openDialog("Leave the exercise?", [el("p", {}, "This console's access ends, here and on any other tab that shares it. You can join again with your code.")],
      "Leave", async () => { await connection.leave(); location.href = "/"; });
  });
}

let exerciseStart = null;
let local = null;
/** The header clock: simulated now, running or paused, speed; and every countdown on the page. */
function showClock(clock, start) {
  if (!clock) return;
  exerciseStart = start ?? exerciseStart ?? clock.start;
  const own = local ? localTime(clock.now, local.offset, local.state) : "";
  document.getElementById("clock-now").textContent = `${when(clock.now)} UTC${own ? ` (${own})` : ""} · ${exerciseDay(clock.now, exerciseStart)}`;
  const state = document.getElementById("clock-state");
  state.textContent = clock.ended ? "ended" : clock.running ? "running" : "paused";
  state.dataset.state = state.textContent;
  document.getElementById("clock-speed").textContent = clock.running ? speedText(clock.speed) : "";
  tickCountdowns(clock.now);
}
