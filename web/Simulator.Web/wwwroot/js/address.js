// What the exercise page's address carries: the code, the person's name and, for the trainer, the seat to watch.
// They travel in the fragment (exercise.html#code=...), which the browser never sends to the server, so no request
// log, proxy or referrer holds a code or a trainer key. A link of an earlier version (?code=...) still works, and its
// address is rewritten to the fragment at once, so the code does not stay in the history either.

/** The address's parameters: from the fragment, or from the query of an older link. */
export function addressParams() {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, ""));
  if (fromHash.has("code") || fromHash.has("exercise")) return fromHash; // exercise=ID: an organiser's own, by their sign-in
  const fromQuery = new URLSearchParams(location.search);
  if (fromQuery.has("code")) history.replaceState(null, "", `${location.pathname}#${fromQuery}`);
  return fromQuery;
}

/** The link to the exercise page with these parameters, e.g. exerciseLink({ code }) or exerciseLink({ code, as: seat }). */
export function exerciseLink(params, origin = "") {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return `${origin}/exercise.html#${query}`;
}
