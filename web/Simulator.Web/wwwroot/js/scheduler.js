// One refresh scheduler for every console page: a burst of pushed messages (events, then the view they leave) is
// rendered once, as soon as the browser is free. A timer rather than an animation frame, so that a console in a
// background tab keeps up too.
const pending = new Map();

/** Runs render once soon; asked again for the same key before it ran, the latest render runs instead. */
export function renderSoon(key, render) {
  const waiting = pending.has(key);
  pending.set(key, render);
  if (waiting) return;
  setTimeout(() => {
    const latest = pending.get(key);
    pending.delete(key);
    latest();
  }, 0);
}
