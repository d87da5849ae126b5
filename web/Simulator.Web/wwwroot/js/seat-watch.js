// A seat's screen as that seat sees it, for the trainer or the evaluator (exercise.html#code=KEY&as=STATE/role):
// the seat's page, fed with the seat's view (GetSeatView) after every push instead of the trainer's own. Read only:
// the identity stays the trainer's, so the server refuses anything tried from here.
import { SeatView } from "./seat.js";

export class SeatWatch {
  constructor(main, connection, seen, seat) {
    this.connection = connection;
    this.seat = seat;
    this.page = new SeatView(main, connection, { ...seen, identity: { exerciseId: seen.identity.exerciseId, role: "seat", seat } });
    this.page.readOnly = true;
  }

  /** Each push means the seat's view may have changed too: ask for it (one call per burst of events). */
  async onView() {
    const seen = await this.connection.invoke("GetSeatView", this.seat);
    this.page.onView({ view: seen.view, clock: seen.clock });
  }

  refresh(full) { this.onView(); this.page.onClock(full.clock); }
  onEvents() { }
  onClock(clock) { this.page.onClock(clock); }
}
