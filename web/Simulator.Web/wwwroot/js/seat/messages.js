// Messages: what this seat wrote to other offices and providers, and what reached it, on the channels of the domain
// (docs/console.md "Messages"). A message leaves at once and reaches the other side after its channel's delay; a
// reply goes back on the same channel where it can.
import { el, fill, when } from "../format.js";
import { openDialog } from "../dialog.js";
import { panel, bodyOf } from "./panel.js";
import { ReadMarks } from "./read-marks.js";

export const channels = [
  ["phone", "Phone call (an office of your own state)"],
  ["contact-point-network", "24/7 network call (points of contact of two states)"],
  ["secure-email", "Secure e-mail (any office, or a provider's law-enforcement desk)"],
  ["official-letter", "Official letter (central authorities of two states)"],
];

/** The channel that fits a recipient best, as the hub's rules allow it (MessageChannels in the core). */
export function channelFor(from, to) {
  const [fromState, fromRole] = from.split("/");
  const [toState, toRole] = to.split("/");
  if (toRole === undefined) return "secure-email"; // a provider's desk
  if (toState === fromState) return "phone";
  if (fromRole === "contact-point" && toRole === "contact-point") return "contact-point-network";
  if (fromRole === "central-authority" && toRole === "central-authority") return "official-letter";
  return "secure-email";
}

export class MessagesPanel {
  constructor(seat) {
    this.seat = seat;
    this.marks = new ReadMarks(seat.identity, "mail-read", "mail-unread");
    this.element = panel("messages", "Messages", this.marks.badge,
      el("button", { class: "secondary small", id: "write-message", onclick: () => this.write() }, "Write"));
  }

  render() {
    const seat = this.seat, body = bodyOf(this.element);
    const messages = [...(seat.view.messages ?? [])].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    const incoming = messages.filter(m => m.direction === "in");
    this.marks.count(incoming.map(m => m.message));
    fill(body, messages.length === 0
      ? el("p", { class: "muted small" }, "No messages yet. Write to a colleague, a foreign office or a provider's desk.")
      : el("div", { class: "feed", tabindex: 0, role: "region", "aria-label": "Messages" }, messages.map(m => {
        const isNew = m.direction === "in" && this.marks.isNew(m.message);
        return el("article", { class: `card${isNew ? " unread" : ""}`, dataset: { message: m.message, direction: m.direction }, tabindex: 0,
          onclick: () => this.markRead(m.message), onkeydown: e => { if (e.key === "Enter") this.markRead(m.message); } },
          el("div", { class: "row" }, isNew ? el("span", { class: "pill new" }, "new") : null,
            el("strong", {}, m.direction === "in" ? `From ${m.from}` : `To ${m.to}`),
            el("span", { class: "pill muted" }, m.channelName), el("span", { class: "small muted" }, when(m.sentAt))),
          m.subject ? el("div", { class: "small" }, el("strong", {}, m.subject)) : null,
          el("p", { class: "small" }, m.text),
          m.about ? el("div", { class: "small muted" }, `About ${m.about}`) : null,
          m.direction === "out" ? el("div", { class: "small muted" }, m.delivered ? `Reached ${m.to} ${when(m.deliversAt)}` : `Reaches ${m.to} ${when(m.deliversAt)}`) : null,
          m.direction === "in" && (m.from.includes("/") || this.knownProviders().has(m.from))
            ? el("button", { class: "secondary small", dataset: { reply: m.message }, onclick: e => { e.stopPropagation(); this.write(m); } }, "Reply") : null);
      })));
  }

  markRead(id) {
    if (!this.marks.isNew(id)) return;
    this.marks.mark(id);
    this.render();
  }

  /** The providers of this seat's leads: a seat can write to their law-enforcement desks. */
  knownProviders() {
    return new Set(this.seat.view.leads.flatMap(l => l.evidence.map(e => e.holder)));
  }

  /** Who this seat can name: its colleagues, the offices of the states its requests involve, its leads' providers. */
  addressBook() {
    const view = this.seat.view, me = this.seat.identity.seat;
    const states = new Set([...view.outgoing.map(r => r.requestedState), ...view.incoming.map(r => r.issuer.split("/")[0])]);
    states.delete(view.jurisdiction);
    const foreign = [...states].sort().flatMap(s => ["contact-point", "central-authority", "prosecutor"].map(r => `${s}/${r}`));
    return [...(view.colleagues ?? []).map(c => c.seat), ...foreign, ...this.knownProviders()].filter(x => x !== me);
  }

  /** Writes a new message, or a reply to <replyTo>. */
  write(replyTo = null, about = null) {
    if (replyTo) this.markRead(replyTo.message);
    const me = this.seat.identity.seat;
    const to = el("input", { id: "message-to", list: "message-to-options", required: true, value: replyTo?.from ?? "", placeholder: "STATE/role, or a provider" });
    const options = el("datalist", { id: "message-to-options" }, this.addressBook().map(a => el("option", { value: a })));
    const channel = el("select", { id: "message-channel" }, channels.map(([id, name]) => el("option", { value: id }, name)));
    channel.value = replyTo?.channel ?? (to.value ? channelFor(me, to.value) : "phone");
    to.addEventListener("change", () => { channel.value = channelFor(me, to.value.trim()); });
    const subject = el("input", { id: "message-subject", maxlength: 200, value: replyTo?.subject ? `Re: ${replyTo.subject.replace(/^Re: /, "")}` : "" });
    const text = el("textarea", { id: "message-text", maxlength: 4000, required: true });
    openDialog(replyTo ? `Reply to ${replyTo.from}` : "Write a message", [
      el("label", {}, el("span", {}, "To"), to, options),
      el("label", {}, el("span", {}, "Channel"), channel),
      el("label", {}, el("span", {}, "Subject"), subject),
      el("label", {}, el("span", {}, "Message"), text),
      about ? el("p", { class: "small muted" }, `About ${about}`) : null,
    ], "Send", () => this.seat.hub.invoke("SendMessage", to.value.trim(), channel.value, subject.value || null, text.value,
      about ?? replyTo?.about ?? null, replyTo?.message ?? null));
  }
}
