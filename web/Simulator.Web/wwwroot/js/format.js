// Small helpers shared by every page: building DOM safely, and showing simulated times and countdowns.

/** Creates an element: el("td", {class: "x"}, "text", child, ...). Strings become text nodes, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of a container. */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "2-digit", month: "short", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false });

/** A simulated instant, shown in UTC as the journal keeps it: "Mon 07 Sep 12:00". */
export function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return `${dayFormat.format(d)} ${timeFormat.format(d)}`;
}

/** "Day 3, 14:20" counted from the exercise start, the way trainers speak of a scenario's timeline. */
export function exerciseDay(iso, startIso) {
  if (!iso || !startIso) return "";
  const ms = new Date(iso) - new Date(startIso);
  const day = Math.floor(ms / 86400000) + 1;
  return `day ${day}, ${timeFormat.format(new Date(iso))}`;
}

/** A span of simulated time: "3d 4h", "5h 20m", "12m". */
export function span(ms) {
  const negative = ms < 0; ms = Math.abs(ms);
  const d = Math.floor(ms / 86400000), h = Math.floor(ms / 3600000) % 24, m = Math.floor(ms / 60000) % 60;
  const text = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
  return negative ? `-${text}` : text;
}

/** An ISO 8601 duration from the server ("P10D", "PT8H") or a catalogue figure ("10d") as text. */
export function duration(text) {
  if (!text) return "";
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text);
  if (!m) return text;
  return span(((+m[1] || 0) * 24 * 60 + (+m[2] || 0) * 60 + (+m[3] || 0)) * 60000);
}

/** Simulated hours before a deadline or retention expiry at which the console warns. */
export const WARN_HOURS = 48;

/**
 * A countdown element to a simulated instant. It carries data-until so the page can move every countdown on each
 * clock message without re-rendering; the class turns to warn (under WARN_HOURS) and bad (passed).
 */
export function countdown(untilIso, label = "left") {
  const node = el("span", { class: "countdown", dataset: { until: untilIso, label } });
  return node;
}

/** Moves every countdown on the page to a new simulated now. */
export function tickCountdowns(nowIso) {
  const now = new Date(nowIso);
  for (const node of document.querySelectorAll(".countdown[data-until]")) {
    const ms = new Date(node.dataset.until) - now;
    node.textContent = ms > 0 ? `${span(ms)} ${node.dataset.label}` : `passed ${span(-ms)} ago`;
    node.classList.toggle("bad", ms <= 0);
    node.classList.toggle("warn", ms > 0 && ms < WARN_HOURS * 3600000);
  }
}

/** The text after "HubException: " in a SignalR error, which is the server's reason. */
export function reason(error) {
  const text = String(error?.message ?? error);
  const at = text.indexOf("HubException: ");
  return at >= 0 ? text.slice(at + "HubException: ".length) : text;
}

/** A request is over when the engine has closed it (produced data still has to be delivered). */
export const isClosed = r => Boolean(r.closedAt) || ["delivered", "refused", "withdrawn", "nothing-found"].includes(r.state);

/** A pill for a request, evidence or preservation state, coloured by how it is going. */
export function statePill(state) {
  const good = ["performed-without-challenges", "performed-with-some-challenges", "delivered", "secured", "produced", "approved", "active", "extended", "converted", "preserved", "met", "partly-produced"];
  const bad = ["unable-to-be-performed", "refused", "lost", "lapsed", "nothing-found", "missed", "withdrawn"];
  const warn = ["awaiting-clarification", "at-risk", "escalated", "performed-with-major-challenges"];
  const tone = good.includes(state) ? "ok" : bad.includes(state) ? "bad" : warn.includes(state) ? "warn" : "muted";
  return el("span", { class: `pill ${tone}`, dataset: { state } }, state);
}
