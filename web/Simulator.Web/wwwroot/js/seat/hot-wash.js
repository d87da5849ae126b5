// The hot wash, once the exercise has ended: what went well and what to improve, in the trainee's words, for the
// after-action report. Before the end the panel stays hidden.
import { el, fill } from "../format.js";
import { panel, bodyOf } from "./panel.js";
import { hotWash, hotWashList } from "../evaluation.js";

export class HotWashPanel {
  constructor(seat) {
    this.seat = seat;
    this.element = panel("seat-hot-wash", "Hot wash");
    this.element.classList.add("wide");
  }

  render() {
    const ended = this.seat.clock.ended;
    this.element.hidden = !ended;
    if (!ended) return;
    fill(bodyOf(this.element),
      el("p", { class: "small" }, "The exercise has ended. Before the debrief, say what went well and what your office should improve: it goes into the after-action report."),
      el("button", { id: "seat-hot-wash-add", onclick: () => hotWash(this.seat.hub) }, "Add to the hot wash"),
      hotWashList(this.seat.view.hotWash ?? []));
  }
}
