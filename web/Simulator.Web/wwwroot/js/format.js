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

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = n => String(n).padStart(2, "0");

/** The hour and minute of a simulated instant, 24-hour, in UTC: "14:05". */
export function clockTime(iso) {
  const d = new Date(iso);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** A simulated instant, in UTC as the journal keeps it, with its year (exercises can span years): "Mon 07 Sep 2026 12:00". */
export function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return `${WEEKDAYS[d.getUTCDay()]} ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clockTime(iso)}`;
}

/**
 * The same instant on a state's own clock (its fixed UTC offset in minutes), or "" where that is UTC:
 * "14:05 in AL", with the weekday where the state's date is not UTC's ("Tue 01:30 in ES").
 */
export function localTime(iso, offsetMinutes, state) {
  if (!iso || !offsetMinutes) return "";
  const utc = new Date(iso), local = new Date(utc.getTime() + offsetMinutes * 60000);
  const day = local.getUTCDate() !== utc.getUTCDate() ? `${WEEKDAYS[local.getUTCDay()]} ` : "";
  return `${day}${two(local.getUTCHours())}:${two(local.getUTCMinutes())} in ${state}`;
}

/**
 * "day 3, 14:20": the calendar day (UTC) counted from the exercise's first day, the way trainers speak of a
 * scenario's timeline; an instant just after midnight is on the next day, whatever hour the exercise started.
 */
export function exerciseDay(iso, startIso) {
  if (!iso || !startIso) return "";
  const midnight = t => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); };
  const day = Math.round((midnight(iso) - midnight(startIso)) / 86400000) + 1;
  return `day ${day}, ${clockTime(iso)}`;
}

/** A clock speed (simulated seconds per real second) in words: "1 simulated hour per second". */
export function speedText(speed) {
  if (speed === 1) return "real time";
  const units = [[604800, "week"], [86400, "day"], [3600, "hour"], [60, "minute"], [1, "second"]];
  const [size, unit] = units.find(([size]) => speed >= size) ?? [1, "second"];
  const n = Math.round((speed / size) * 10) / 10;
  return `${n} simulated ${unit}${n === 1 ? "" : "s"} per second`;
}

/** A UTC instant for a 24-hour text input: "2026-09-07 13:00". */
export function utcInputValue(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${clockTime(iso)}`;
}

/**
 * What a trainer typed as a UTC instant ("2026-09-07 13:00", or with a T), as ISO 8601 with "Z"; throws an Error
 * saying what is expected when it is not one.
 */
export function parseUtcInput(text) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*$/.exec(text ?? "");
  const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  if (!m || +m[4] > 23 || +m[5] > 59 || date.getUTCDate() !== +m[3])
    throw new Error(`“${text}” is not a time: write it as YYYY-MM-DD HH:MM, 24-hour, in UTC (e.g. 2026-09-07 13:00)`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`;
}

/** A text input for a UTC instant in 24-hour form (a datetime-local input shows the browser's 12-hour clock). */
export function utcInput(id, label, iso) {
  return el("input", { type: "text", id, "aria-label": label, value: utcInputValue(iso), placeholder: "YYYY-MM-DD HH:MM", inputmode: "numeric",
    pattern: "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}", size: 16, spellcheck: "false", autocomplete: "off" });
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
  const good = ["performed-without-challenges", "performed-with-some-challenges", "delivered", "secured", "produced", "approved", "active", "extended", "converted", "preserved", "met", "partly-produced", "granted"];
  const bad = ["unable-to-be-performed", "refused", "lost", "lapsed", "nothing-found", "missed", "withdrawn"];
  const warn = ["awaiting-clarification", "at-risk", "escalated", "performed-with-major-challenges"];
  const tone = good.includes(state) ? "ok" : bad.includes(state) ? "bad" : warn.includes(state) ? "warn" : "muted";
  return el("span", { class: `pill ${tone}`, dataset: { state } }, state);
}
