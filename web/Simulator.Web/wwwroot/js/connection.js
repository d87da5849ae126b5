// The console's one connection to the live hub (/hubs/exercise, contract in docs/hub.md). It joins with a code, and
// from then on with the token the server gave this person for it (kept in this browser until it expires, they
// leave, or the trainer ends their access); keeps trying when the connection drops (a banner says so), and on return
// joins again and hands the page a fresh view and the events it missed, so nothing needs a reload.
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

/** This browser's token for a code: { token, id, expiresAt }, or null when it has none or it has expired. */
const tokenKey = code => `simulator.token.${code.trim().toUpperCase()}`;
function heldToken(code) {
  try {
    const held = JSON.parse(localStorage.getItem(tokenKey(code)) ?? "null");
    return held?.token && new Date(held.expiresAt) > new Date() ? held : null;
  } catch { return null; }
}
function keepToken(code, token) {
  if (token) localStorage.setItem(tokenKey(code), JSON.stringify(token));
  else localStorage.removeItem(tokenKey(code));
}

/** Retry quickly at first, then every three seconds, for ever: a training room's Wi-Fi comes back. */
const retryForever = { nextRetryDelayInMilliseconds: context => Math.min(3000, 250 * 2 ** context.previousRetryCount) };

/**
 * Connects and joins. handlers: onJoined(view) after every (re)join with the identity's full view,
 * onEvents(events, clock), onView({clock, lastSequence, view}) right after them with the view they leave,
 * onClock(clock), onPresence(lines), onEntities() (the desks, holdings and investigations hold new states).
 * organiserOf: the id of an exercise the signed-in organiser opens as its trainer, without a code (code then only names its stored token).
 * Returns { invoke, lastSequence(), credential(), leave() }.
 */
export async function connect(code, handlers, name = null, organiserOf = null) {
  const hub = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/exercise")
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  let lastSequence = 0;
  let held = heldToken(code);
  /** Set when this console's access was ended: it stops reconnecting, and says how to join again. */
  let ended = null;

  hub.on("Events", (exerciseId, events, clock) => {
    for (const e of events) lastSequence = Math.max(lastSequence, e.sequence);
    handlers.onEvents?.(events, clock);
  });
  hub.on("View", (exerciseId, pushed) => handlers.onView?.(pushed));
  hub.on("Clock", (exerciseId, clock) => handlers.onClock?.(clock));
  hub.on("Presence", (exerciseId, lines) => handlers.onPresence?.(lines));
  hub.on("Entities", () => handlers.onEntities?.());
  // Revoked or left: say so and stay out until the person reloads. Expired: the server closes the connection next,
  // and the console joins again with its code (a new token), as after any drop.
  hub.on("AccessEnded", (exerciseId, reason, expired) => expired ? dropToken() : endAccess(reason));

  function dropToken() {
    held = null;
    keepToken(code, null);
  }

  function endAccess(reason) {
    ended = reason;
    dropToken();
    showBanner(`${reason}. Reload the page to join again.`, true);
  }

  hub.onreconnecting(() => showBanner("Connection lost: reconnecting… Everything acknowledged is safe on the server; you can act again once the connection is back."));
  hub.onreconnected(rejoin);
  hub.onclose(async () => {
    if (ended) { showBanner(`${ended}. Reload the page to join again.`, true); return; }
    showBanner("Disconnected: trying again…", true);
    await startWithRetry();
    await rejoin();
  });

  async function rejoin() {
    if (ended) return;
    try {
      await join(true);
      showBanner("Reconnected: the view is up to date.");
      setTimeout(hideBanner, 2500);
    } catch (error) {
      showBanner(`Reconnected, but joining again failed: ${reasonOf(error)}`, true);
    }
  }

  // A join the server holds back ("try again in N s": many consoles of one address joining at once, or the throttle
  // on wrong codes) is tried again after the wait it names, a few times; the token is kept meanwhile.
  async function joinWith(credential) {
    for (let attempt = 0; ; attempt++) {
      try { return await (name ? hub.invoke("JoinAs", credential, name) : hub.invoke("Join", credential)); }
      catch (error) {
        const wait = /(?:try again in|wait) (\d+) s/.exec(reasonOf(error));
        if (!wait || attempt >= 4) throw error;
        const seconds = Math.min(60, Number(wait[1]));
        showBanner(`The server asks to wait: joining again in ${seconds} s…`, true);
        await new Promise(r => setTimeout(r, seconds * 1000));
      }
    }
  }

  async function join(again) {
    let view = null;
    if (held) {
      try { view = await joinWith(held.token); }
      catch (error) {
        dropToken();
        // Ended by leaving or by the trainer: say so, and join with the code again only when the person asks (a reload).
        if (/access was ended/.test(reasonOf(error))) { endAccess(reasonOf(error).replace(/^refused: /, "")); throw error; }
        // Expired, or unknown here: the code gives a new token.
      }
    }
    if (!view) {
      view = organiserOf ? await hub.invoke("JoinAsOrganiser", organiserOf) : await joinWith(code);
      if (view.token) { held = view.token; keepToken(code, held); }
    }
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
  /** A call refused because this console's token expired (before the server closed it): join again with the code. */
  async function invoke(method, ...args) {
    try { return await hub.invoke(method, ...args); }
    catch (error) {
      if (/access has expired/.test(reasonOf(error)) && held) { dropToken(); hub.stop(); } // onclose joins again
      throw error;
    }
  }

  return {
    view,
    invoke,
    lastSequence: () => lastSequence,
    /** What the REST API is called with: this person's token, else the code. */
    credential: () => held?.token ?? code,
    /** The public id of this console's token (the trainer sees it), or null. */
    tokenId: () => held?.id ?? null,
    /** Leaves for good: the token opens nothing any more, here or in another tab. */
    leave: async () => {
      await hub.invoke("Leave");
      ended = "You left the exercise";
      dropToken();
      await hub.stop();
    },
    setLastSequence: value => { lastSequence = Math.max(lastSequence, value); },
    state: () => hub.state,
  };
}
