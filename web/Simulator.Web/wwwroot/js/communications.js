// The control room's communications panel: every message (with what the trainer wrote for the simulation cell
// marked), every referral and every answer to an inject, newest first; and, for the trainer, writing as the cell:
// as an office no trainee holds, a provider's desk, or an outside actor (a newsdesk, a ministry, the victim).
import { el, fill, when } from "./format.js";
import { openDialog } from "./dialog.js";

const channels = [["phone", "Phone call"], ["contact-point-network", "24/7 network call"], ["secure-email", "Secure e-mail"], ["official-letter", "Official letter"]];
const roles = ["investigator", "prosecutor", "judge", "central-authority", "contact-point"];

export class CommunicationsPanel {
  constructor(body, room) {
    this.body = body;
    this.room = room;
  }

  render() {
    const v = this.room.view;
    const items = [
      ...(v.messages ?? []).map(m => ({ at: m.sentAt, node: this.message(m) })),
      ...(v.referrals ?? []).map(r => ({ at: r.at, node: el("li", { dataset: { referral: r.item } }, el("span", { class: "small muted" }, when(r.at)), " ",
        el("strong", {}, `${r.from} refers ${r.kind} ${r.item} to ${r.to}`), r.note ? el("div", { class: "small" }, r.note) : null) })),
      ...(v.responses ?? []).map(r => ({ at: r.at, node: el("li", { dataset: { response: r.response } }, el("span", { class: "small muted" }, when(r.at)), " ",
        el("strong", {}, `${r.by} answers ${r.inject} (${r.kind.replaceAll("-", " ")})`), el("div", { class: "small" }, r.text)) })),
    ].sort((a, b) => b.at.localeCompare(a.at));
    fill(this.body,
      this.room.trainer ? el("div", { class: "row" }, el("button", { class: "secondary", id: "write-as-cell", onclick: () => this.writeAsCell() }, "Write as the simulation cell")) : null,
      items.length === 0 ? el("p", { class: "muted small" }, "Nobody has written, referred or answered anything yet.")
        : el("ul", { class: "feed plain", id: "communications-list", tabindex: 0, "aria-label": "Messages, referrals and answers" }, items.map(i => i.node)));
  }

  message(m) {
    return el("li", { dataset: { message: m.message } }, el("span", { class: "small muted" }, when(m.sentAt)), " ",
      el("strong", {}, `${m.from} → ${m.to}`), " ", el("span", { class: "pill muted" }, m.channelName),
      m.fromSimulationCell ? el("span", { class: "pill muted" }, "simulation cell") : null,
      m.delivered ? null : el("span", { class: "small muted" }, ` reaches ${when(m.deliversAt)}`),
      m.subject ? el("div", { class: "small" }, el("strong", {}, m.subject)) : null,
      el("div", { class: "small" }, m.text));
  }

  /** The trainer writes as someone no trainee plays. */
  writeAsCell() {
    const states = this.room.view.jurisdictions.map(j => j.id);
    const offices = states.flatMap(s => roles.map(r => `${s}/${r}`));
    const from = el("input", { id: "cell-from", list: "cell-from-options", maxlength: 80, placeholder: "e.g. Castrel Courier newsdesk, BE/contact-point, hostbay" });
    const to = el("select", { id: "cell-to" }, offices.map(o => el("option", { value: o }, o)));
    const channel = el("select", { id: "cell-channel" }, channels.map(([v, t]) => el("option", { value: v }, t)));
    const subject = el("input", { id: "cell-subject", maxlength: 200 });
    const text = el("textarea", { id: "cell-text", maxlength: 4000 });
    openDialog("Write as the simulation cell", [
      el("p", { class: "small muted" }, "As an office no trainee holds, a provider, or anyone outside the table. Trainees see who it is from, not that you wrote it."),
      el("label", {}, el("span", {}, "From"), from, el("datalist", { id: "cell-from-options" }, offices.map(o => el("option", { value: o })))),
      el("label", {}, el("span", {}, "To"), to),
      el("label", {}, el("span", {}, "Channel"), channel),
      el("label", {}, el("span", {}, "Subject"), subject),
      el("label", {}, el("span", {}, "Message"), text),
    ], "Send", () => this.room.hub.invoke("SendMessageAs", from.value.trim(), to.value, channel.value, subject.value || null, text.value));
  }
}
