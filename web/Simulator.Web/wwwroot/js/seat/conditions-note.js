// The conditions a requested state attached when it approved a request: uses of what it gave that need its consent.
import { el } from "../format.js";

const words = { "other-investigation": "not in another investigation", "onward-transfer": "not passed on to another state" };

/** A line naming the conditions, with their articles in the title; null where the request carries none. */
export function conditionsNote(r) {
  if (!r.conditions?.length) return null;
  return el("div", { class: "small", dataset: { conditions: r.conditions.map(c => c.use).join(" ") } },
    el("span", { class: "pill warn", title: r.conditions.map(c => c.source).join("; ") }, "given on conditions"),
    ` ${r.conditions.map(c => words[c.use] ?? c.use).join("; ")} without ${r.requestedState}'s consent`);
}
