// A request's scope beside what the facts support (docs/safeguards.md), in the words the issuing seat reads before
// sending and the reviewing seat before answering: what it asks, what exceeds the need or is left out, and the
// records it brings, of which third parties'. The server judges (ScopeView); this only says it.
import { el, when } from "../format.js";

/** "198.51.100.23, Mon 02 Mar 2026 00:00 to Tue 03 Mar 2026 00:00": what the facts support, or null where they say nothing. */
export function supported(scope) {
  const ids = scope.supportedIdentifiers?.length ? scope.supportedIdentifiers.join(", ") : null;
  const window = scope.supportedFrom ? `${when(scope.supportedFrom)} to ${when(scope.supportedTo)}` : null;
  return ids || window ? [ids, window].filter(Boolean).join(", ") : null;
}

/** The scope note: over-broad (bad), too narrow (warn) or within the need (ok), with the records. */
export function scopeNote(scope, { reviewer = false } = {}) {
  if (!scope) return null;
  const facts = supported(scope);
  const over = scope.excess.length > 0;
  return el("div", { class: "small scope-note", id: reviewer ? null : "request-scope", dataset: { scope: over ? "over-broad" : scope.shortfall.length ? "too-narrow" : "within" } },
    el("p", {}, el("strong", {}, "Scope: "), scope.asked, facts ? ` · the facts support ${facts}` : ""),
    over ? el("p", {}, el("span", { class: "pill bad" }, "over-broad"), ` ${scope.excess.join("; ")}`) : null,
    scope.shortfall.length ? el("p", {}, el("span", { class: "pill warn" }, "too narrow"), ` ${scope.shortfall.join("; ")}`) : null,
    el("p", {}, `${scope.records} records, ${scope.beyondNeed} beyond what the facts support, ${scope.thirdParty} of third parties.`),
    scope.narrowed ? el("p", {}, el("span", { class: "pill warn" }, "narrowed"), " The requested state executed it for what the facts support only.") : null,
    over && !reviewer ? el("p", { class: scope.refusedUnder ? "" : "muted", role: scope.refusedUnder ? "note" : null }, scope.refusedUnder
      ? `The requested state's law refuses a request beyond what its facts support, rather than narrowing it: ask for the need, or it will be refused (${scope.refusedUnder}).`
      : scope.reviewSource
      ? `The requested state reviewing it may narrow it to the need (${scope.reviewSource}).`
      : "This instrument gives no one on the way the means to narrow it: what it asks for is what it brings, third-party records included.") : null);
}
