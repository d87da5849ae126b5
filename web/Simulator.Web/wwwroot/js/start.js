// The start page: pick a shipped scenario and create an exercise, or join one with a code.
import { el, fill } from "./format.js";
import { exerciseLink } from "./address.js";
import { ROLES, whoPlays, setupWarnings, stateIds } from "./offices.js";

const policies = [
  ["preserve-then-mla", "Preserve first, then mutual legal assistance"],
  ["mla-only", "Mutual legal assistance only"],
  ["direct-orders-first", "Direct orders to providers first"],
  ["emergency-aware", "Emergency routes when lives are at risk"],
  ["everything-fastest", "As emergency-aware, but asking for every record held"],
  ["none", "Nobody: offices without a trainee do nothing"],
];
const speeds = [[60, "1 simulated minute per second"], [600, "10 minutes per second"], [3600, "1 hour per second"], [21600, "6 hours per second"], [86400, "1 day per second"]];

document.getElementById("join-form").addEventListener("submit", event => {
  event.preventDefault();
  const code = document.getElementById("join-code").value.trim();
  const name = document.getElementById("join-name").value.trim();
  if (code) location.href = exerciseLink({ code, name });
});

// Organisers: when the server has them sign in (GET /api/sign-in says), starting an exercise needs one signed in,
// who then sees their exercises and can give one a new trainer key.
const organiserPanel = document.getElementById("organiser-panel");
const signInError = document.getElementById("sign-in-error");
async function showOrganiser() {
  let state;
  try { state = await (await fetch("/api/sign-in")).json(); } catch { state = { required: false }; }
  organiserPanel.hidden = !state.required;
  if (!state.required) return;
  // A local password, the organisation's provider, or both (Simulator:SignIn:Mode).
  document.getElementById("sign-in-form").hidden = !!state.organiser || !state.local;
  document.getElementById("sign-in-provider").hidden = !!state.organiser || !state.provider;
  if (state.provider) document.getElementById("sign-in-provider-link").textContent = `Sign in with ${state.provider}`;
  document.getElementById("sign-in-about").textContent = "This server has organisers sign in to start exercises"
    + (state.local ? "; local accounts are made on the server's command line (add-organiser)." : state.provider ? `, with ${state.provider}.` : ".");
  document.getElementById("organiser").hidden = !state.organiser;
  if (!state.organiser) return;
  document.getElementById("organiser-name").textContent = state.organiser;
  const listed = await fetch("/api/exercises");
  const mine = listed.ok ? await listed.json() : [];
  if (!listed.ok) signInError.textContent = (await listed.json().catch(() => ({}))).detail ?? listed.statusText;
  fill(document.querySelector("#my-exercises tbody"), mine.length === 0 ? el("tr", {}, el("td", { class: "muted" }, "None yet."))
    : mine.map(x => {
      const key = el("td", { class: "mono" });
      return el("tr", { dataset: { exercise: x.id } }, el("td", {}, el("a", { href: exerciseLink({ exercise: x.id }), dataset: { open: x.id } }, x.id)),
        el("td", {}, x.scenario), el("td", { class: "small" }, x.running ? "running" : "paused"), key,
        el("td", {}, el("button", { type: "button", class: "secondary small", dataset: { newKey: x.id }, onclick: async event => {
          // Two steps: the old key stops working and the trainer's consoles end.
          const button = event.currentTarget;
          if (button.dataset.confirm !== "yes") { button.dataset.confirm = "yes"; button.textContent = "Replace the trainer key?"; return; }
          button.dataset.confirm = "";
          button.textContent = "New trainer key";
          try {
            const response = await fetch(`/api/exercises/${x.id}/trainer-key`, { method: "POST" });
            const answer = await response.json().catch(() => ({}));
            if (!response.ok) { key.textContent = answer.detail ?? response.statusText; return; }
            fill(key, el("span", {}, answer.code), " ", el("a", { href: exerciseLink({ code: answer.code }, location.origin) }, "trainer console"));
          } catch (error) { key.textContent = `Could not reach the server: ${error.message}`; }
        } }, "New trainer key")));
    }));
}
document.getElementById("sign-in-form").addEventListener("submit", async event => {
  event.preventDefault();
  signInError.textContent = "";
  try {
    const response = await fetch("/api/sign-in", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: document.getElementById("sign-in-name").value.trim(), password: document.getElementById("sign-in-password").value }) });
    document.getElementById("sign-in-password").value = "";
    if (!response.ok) { signInError.textContent = (await response.json().catch(() => ({}))).detail ?? response.statusText; return; }
    await showOrganiser();
  } catch (error) { signInError.textContent = `Could not reach the server: ${error.message}`; }
});
document.getElementById("sign-out").addEventListener("click", async () => {
  try { await fetch("/api/sign-out", { method: "POST" }); } catch { /* signed out here either way: the page asks again */ }
  await showOrganiser();
});
// Back from the provider with a refusal (#sign-in-failed=code): said once, then taken out of the address. Only the
// server's codes are said, so that a crafted link cannot put words on this page; the reason is in the audit log.
const refusals = {
  "not-organiser": "this account is not an organiser of this server: ask for the organiser role at your organisation's sign-in",
  "name-taken": "an organiser of this name already exists on this server, and is not this account: ask the server's administrator",
  "no-name": "your organisation's sign-in did not give a name this server can use: ask the server's administrator",
  "failed": "the sign-in did not complete: try again, and ask the server's administrator if it keeps failing",
};
const failed = new URLSearchParams(location.hash.slice(1)).get("sign-in-failed");
if (failed) {
  signInError.textContent = `Not signed in: ${refusals[failed] ?? refusals.failed}`;
  history.replaceState(null, "", location.pathname + location.search);
}
// The scenarios load beside it: a server that cannot say whether it has organisers still lists them.
showOrganiser().catch(error => { signInError.textContent = `Could not reach the server: ${error.message}`; });

const list = document.getElementById("scenarios");
try {
  const response = await fetch("/api/scenarios");
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const scenarios = await response.json();
  fill(list, scenarios.length ? scenarios.map(scenarioCard) : el("p", { class: "muted" }, "No scenarios are on offer: put scenario files in scenarios/."));
} catch (error) {
  fill(list, el("p", { class: "error" }, `Could not load the scenarios: ${error.message}`));
}

function scenarioCard(s) {
  const seatBoxes = s.seats.map(seat => el("label", { class: "row small" },
    el("input", { type: "checkbox", name: "seat", value: seat, checked: true }), seat));
  const error = el("p", { class: "error", role: "alert" });
  const offices = el("div", { class: "offices", dataset: { offices: s.id } });
  const warnings = el("div", { class: "warnings small", role: "status", dataset: { warnings: s.id } });
  const form = el("form", { class: "stack", dataset: { scenario: s.id } },
    el("div", { class: "row" },
      el("label", {}, el("span", {}, "Engine policy for empty seats"),
        el("select", { name: "policy" }, policies.map(([v, t]) => el("option", { value: v }, t)))),
      el("label", {}, el("span", {}, "Clock speed"),
        el("select", { name: "speed" }, speeds.map(([v, t]) => el("option", { value: v, selected: v === 3600 }, t)))),
      el("label", {}, el("span", {}, "Seed (same seed, same world)"), el("input", { name: "seed", type: "number", value: 1, min: 0, style: "width:7rem" }))),
    el("fieldset", {}, el("legend", { class: "small muted" }, "Seats taken by trainees"), el("div", { class: "row" }, seatBoxes)),
    el("details", { class: "small" }, el("summary", {}, "Who plays each office"), offices),
    warnings,
    el("button", { type: "submit" }, "Create exercise"),
    error);
  // Who plays what, and what that leaves undone, follow every change of seats or policy.
  const showOffices = () => {
    const data = new FormData(form);
    const plays = whoPlays(stateIds(s), data.getAll("seat"), data.get("policy"));
    fill(offices, el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "State"), ROLES.map(r => el("th", {}, r)))),
      el("tbody", {}, stateIds(s).map(state => el("tr", { dataset: { state } }, el("td", {}, state), ROLES.map(r => {
        const who = plays.get(`${state}/${r}`);
        return el("td", { dataset: { office: `${state}/${r}`, playedBy: who } },
          el("span", { class: `pill ${who === "trainee" ? "ok" : who === "nobody" ? "bad" : "muted"}` }, who === "trainee" || who === "nobody" ? who : `engine (${who})`));
      }))))));
    const list = setupWarnings(s, plays);
    fill(warnings, list.length ? [el("strong", {}, "Before you create it:"), el("ul", {}, list.map(w => el("li", {}, w)))] : null);
  };
  form.addEventListener("change", showOffices);
  showOffices();
  form.addEventListener("submit", async event => {
    event.preventDefault();
    error.textContent = "";
    const data = new FormData(form);
    const body = {
      scenario: s.id, policy: data.get("policy"), speed: Number(data.get("speed")), seed: Number(data.get("seed")),
      seats: data.getAll("seat"),
    };
    if (body.seats.length === 0) { error.textContent = "Choose at least one seat for a trainee."; return; }
    const response = await fetch("/api/exercises", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = `The exercise was not created: ${problem.detail ?? response.statusText}`;
      return;
    }
    showCreated(await response.json());
    if (!organiserPanel.hidden) await showOrganiser(); // the new exercise joins the organiser's list
  });
  return el("article", { class: "card", dataset: { scenario: s.id } },
    el("h3", {}, s.title),
    el("p", {}, s.summary),
    el("p", { class: "small" }, el("strong", {}, "Countries: "), s.countries.join(", ")),
    el("p", { class: "small" }, el("strong", {}, "Roles: "), s.seats.join(", ")),
    el("p", { class: "small" }, el("strong", {}, "Duration: "), s.duration),
    el("details", {}, el("summary", { class: "setup" }, "Set up this exercise"), form));
}

function showCreated(created) {
  const link = code => exerciseLink({ code }, location.origin);
  document.getElementById("created-panel").hidden = false;
  document.getElementById("created-id").textContent = created.exerciseId;
  document.getElementById("trainer-key").textContent = created.trainerKey;
  document.getElementById("trainer-link").href = link(created.trainerKey);
  const rows = [...created.seats.map(s => [s.seat, s.code]), ["observers", created.observerCode], ["evaluator", created.evaluatorCode]];
  fill(document.getElementById("codes"), rows.map(([seat, code]) =>
    el("tr", { dataset: { seat } }, el("td", {}, seat), el("td", {}, code), el("td", {}, el("a", { href: link(code) }, link(code))))));
  document.getElementById("created-panel").scrollIntoView();
}
