// A seat panel: a titled section whose body its module fills from the seat's view.
import { el } from "../format.js";

export function panel(id, title, ...extra) {
  return el("section", { class: "panel", id }, el("h2", {}, title, ...extra), el("div", { class: "body" }));
}

export const bodyOf = section => section.querySelector(".body");

export function span2(section) { section.classList.add("span2"); return section; }
