// The page's one modal dialog (its <dialog id="dialog"> in exercise.html) and its passing error messages, shared by the
// seat and the control room.
import { el, fill, reason } from "./format.js";

/** Opens the dialog with a form; `run` is awaited on OK, and what it throws is shown in the dialog, which stays open. */
export function openDialog(title, content, action, run) {
  const dialog = document.getElementById("dialog");
  const error = el("p", { class: "error", role: "alert" });
  fill(dialog, el("form", { method: "dialog", class: "stack" }, el("h2", {}, title), content, error,
    el("div", { class: "row" },
      el("button", { type: "button", id: "dialog-ok", onclick: async () => {
        try { await run(); dialog.close(); } catch (e) { error.textContent = reason(e); }
      } }, action),
      el("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Cancel"))));
  dialog.showModal();
}

/** A message at the top of the page for eight seconds (one at a time). */
export function toast(main, message) {
  const node = el("div", { class: "panel wide error", role: "alert", id: "toast" }, message);
  document.getElementById("toast")?.remove();
  main.prepend(node);
  setTimeout(() => node.remove(), 8000);
}
