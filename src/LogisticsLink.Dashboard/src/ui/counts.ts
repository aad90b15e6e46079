import type { ShipmentStatus } from "../gen/logisticslink/v1/shipment_pb";
import { statusCode, statusLabel, statusOrder, statusTone } from "../model/statuses";
import { byId, el, setText } from "./dom";

/**
 * Counts by status, as toggle buttons: pressing one shows only that status, pressing it again shows all. Every status
 * keeps its place (zero counts are shown dimmed), so the bar never reflows as parcels move.
 */
export class StatusCounts {
  private readonly list = byId<HTMLUListElement>("counts");
  private readonly buttons = new Map<ShipmentStatus, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly total: HTMLElement;

  constructor(onPick: (status: ShipmentStatus | null) => void, private readonly selected: () => ShipmentStatus | null) {
    const allCount = el("span", { className: "count", text: "0" });
    const all = el("button", { className: "count-all", attrs: { type: "button", "aria-pressed": "true" } }, el("span", { text: "All" }), allCount);
    all.addEventListener("click", () => onPick(null));
    this.total = allCount;
    const items = [el("li", {}, all)];
    for (const status of statusOrder) {
      const count = el("span", { className: "count", text: "0" });
      const button = el("button", {
        className: `tone-${statusTone(status)}`,
        attrs: { type: "button", "aria-pressed": "false", "data-status": statusCode(status) },
      }, el("span", { text: statusLabel(status) }), count);
      button.addEventListener("click", () => onPick(this.selected() === status ? null : status));
      this.buttons.set(status, { button, count });
      items.push(el("li", {}, button));
    }
    this.list.replaceChildren(...items);
    this.allButton = all;
  }

  private readonly allButton: HTMLButtonElement;

  render(counts: Map<ShipmentStatus, number>, total: number): void {
    setText(this.total, String(total));
    const selected = this.selected();
    this.allButton.setAttribute("aria-pressed", String(selected === null));
    for (const [status, { button, count }] of this.buttons) {
      const n = counts.get(status) ?? 0;
      setText(count, String(n));
      button.classList.toggle("zero", n === 0);
      button.setAttribute("aria-pressed", String(selected === status));
    }
  }
}
