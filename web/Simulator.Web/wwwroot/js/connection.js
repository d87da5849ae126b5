// The console's one connection to the live hub (/hubs/exercise, contract in docs/hub.md). It joins with a code,
// keeps trying when the connection drops (a banner says so), and on return joins again and hands the page a fresh
// view and the events it missed, so nothing needs a reload.
/* global signalR */
import { reason as reasonOf } from "./format.js";

const banner = () => document.getElementById("connection-banner");

function showBanner(text, lost = false) {
  const node = banner();
  if (!node) return;
  node.textContent = text;
  node.classList.add("shown");
  node.classList.toggle("lost", lost);
}

function hideBanner() { banner()?.classList.remove("shown", "lost"); }

/** Retry quickly at first, then every three seconds, for ever: a training room's Wi-Fi comes back. */
const retryForever = { nextRetryDelayInMilliseconds: context => Math.min(3000, 250 * 2 ** context.previousRetryCount) };

/**
 * Connects and joins. handlers: onJoined(view) after every (re)join with the identity's full view,
 * onEvents(events, clock), onView({clock, lastSequence, view}) right after them with the view they leave,
 * onClock(clock), onPresence(lines), onEntities() (the desks, holdings and investigations hold new states).
 * Returns { invoke, lastSequence() }.
 */
export async function connect(code, handlers, name = null) {
  const hub = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/exercise")
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  let lastSequence = 0;

  hub.on("Events", (exerciseId, events, clock) => {
    for (const e of events) lastSequence = Math.max(lastSequence, e.sequence);
    handlers.onEvents?.(events, clock);
  });
  hub.on("View", (exerciseId, pushed) => handlers.onView?.(pushed));
  hub.on("Clock", (exerciseId, clock) => handlers.onClock?.(clock));
  hub.on("Presence", (exerciseId, lines) => handlers.onPresence?.(lines));
  hub.on("Entities", () => handlers.onEntities?.());

  hub.onreconnecting(() => showBanner("Connection lost: reconnecting… Everything acknowledged is safe on the server; you can act again once the connection is back."));
  hub.onreconnected(rejoin);
  hub.onclose(async () => {
    showBanner("Disconnected: trying again…", true);
    await startWithRetry();
    await rejoin();
  });

  async function rejoin() {
    try {
      await join(true);
      showBanner("Reconnected: the view is up to date.");
      setTimeout(hideBanner, 2500);
    } catch (error) {
      showBanner(`Reconnected, but joining again failed: ${reasonOf(error)}`, true);
    }
  }

  async function join(again) {
    const view = name ? await hub.invoke("JoinAs", code, name) : await hub.invoke("Join", code);
    // After a drop, fetch the events this identity missed before taking the fresh view.
    if (again && handlers.onEvents && lastSequence > 0) {
      const missed = await hub.invoke("GetJournal", lastSequence, 5000);
      for (const e of missed) lastSequence = Math.max(lastSequence, e.sequence);
      if (missed.length) handlers.onEvents(missed, view.clock);
    }
    handlers.onJoined?.(view, again);
    return view;
  }

  async function startWithRetry() {
    for (let attempt = 0; ; attempt++) {
      try {
        await hub.start();
        return;
      } catch {
        showBanner("Cannot reach the server: trying again…", true);
        await new Promise(r => setTimeout(r, Math.min(3000, 250 * 2 ** attempt)));
      }
    }
  }

  await startWithRetry();
  const view = await join(false);
  hideBanner();
  return {
    view,
    invoke: (method, ...args) => hub.invoke(method, ...args),
    lastSequence: () => lastSequence,
    setLastSequence: value => { lastSequence = Math.max(lastSequence, value); },
    state: () => hub.state,
  };
}
