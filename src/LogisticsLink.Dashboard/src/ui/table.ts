import type { Shipment } from "../gen/logisticslink/v1/shipment_pb";
import { formatDate, formatWhen, isoString, safeExternalUrl } from "../model/format";
import { riskFlags } from "../model/risk";
import { compareRows, matches, type Filters, type ShipmentBook } from "../model/shipments";
import { statusCode } from "../model/statuses";
import { riskBadge, statusBadge } from "./badges";
import { el, setText } from "./dom";
import { rowKey } from "./rowKey";

interface Row {
  tr: HTMLTableRowElement;
  number: HTMLElement;
  carrier: HTMLTableCellElement;
  status: HTMLTableCellElement;
  detail: HTMLTableCellElement;
  eta: HTMLTableCellElement;
  last: HTMLTableCellElement;
  risk: HTMLTableCellElement;
  order: HTMLTableCellElement;
  /** What the cells show, to skip work when nothing visible changed. */
  key: string;
}

/**
 * The shipments table. Rows are created once per shipment and patched in place; updates are batched into one
 * animation frame, so a burst of hundreds of changes costs one layout. Rows never move (fixed order, fixed heights).
 */
export class ShipmentTable {
  private readonly rows = new Map<string, Row>();
  private order: Shipment[] = [];
  private readonly dirty = new Set<string>();
  private everything = false;
  private frame = 0;

  constructor(
    private readonly tbody: HTMLTableSectionElement,
    private readonly book: ShipmentBook,
    private readonly filters: () => Filters,
    private readonly onOpen: (id: string, opener: HTMLElement) => void,
    private readonly afterRender: (visible: number) => void,
  ) {}

  /** One shipment changed: it is redrawn in the next frame. */
  invalidate(id: string): void {
    this.dirty.add(id);
    this.schedule();
  }

  /** Filters or the clock changed: every row's visibility and risk is re-evaluated in the next frame. */
  invalidateAll(): void {
    this.everything = true;
    this.schedule();
  }

  clear(): void {
    this.rows.clear();
    this.order = [];
    this.dirty.clear();
    this.tbody.replaceChildren();
  }

  private schedule(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  /** Draws what changed now (also used when the tab is hidden and frames do not run). */
  flush(): void {
    if (this.frame !== 0) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const now = Date.now();
    const filters = this.filters();
    const added: Shipment[] = [];
    const ids = this.everything ? [...this.rows.keys(), ...this.dirty] : [...this.dirty];
    this.everything = false;
    this.dirty.clear();
    for (const id of ids) {
      const shipment = this.book.get(id);
      if (!shipment) {
        continue;
      }
      let row = this.rows.get(id);
      if (!row) {
        row = this.createRow(shipment);
        this.rows.set(id, row);
        added.push(shipment);
      }
      this.fill(row, shipment, now);
      row.tr.hidden = !matches(shipment, filters);
    }
    if (added.length > 0) {
      this.insert(added);
    }
    let visible = 0;
    for (const row of this.rows.values()) {
      if (!row.tr.hidden) {
        visible++;
      }
    }
    this.afterRender(visible);
  }

  /** Puts new rows in their place; a snapshot of hundreds goes in as one fragment. */
  private insert(added: Shipment[]): void {
    added.sort(compareRows);
    if (this.order.length === 0) {
      const fragment = document.createDocumentFragment();
      for (const shipment of added) {
        fragment.append(this.rows.get(shipment.id)!.tr);
      }
      this.tbody.append(fragment);
      this.order = added;
      return;
    }
    for (const shipment of added) {
      const at = lowerBound(this.order, shipment);
      const before = this.order[at];
      this.tbody.insertBefore(this.rows.get(shipment.id)!.tr, before ? this.rows.get(before.id)!.tr : null);
      this.order.splice(at, 0, shipment);
    }
  }

  private createRow(shipment: Shipment): Row {
    const number = el("span", { className: "number" });
    const open = el("button", {
      className: "open",
      text: "Details",
      attrs: { type: "button", "aria-label": `Details of ${shipment.trackingNumber}` },
    });
    open.addEventListener("click", () => this.onOpen(shipment.id, open));
    // Explicit roles: the phone layout shows rows as grid cards, which can drop the native table semantics.
    const numberCell = el("th", { className: "c-number", attrs: { scope: "row", role: "rowheader" } }, number);
    const cell = (className: string, label: string) => el("td", { className, attrs: { role: "cell", "data-label": label } });
    const row: Row = {
      tr: el("tr", { attrs: { role: "row", "data-id": shipment.id, "data-number": shipment.trackingNumber } }),
      number,
      carrier: cell("c-carrier", "Carrier"),
      status: cell("c-status", "Status"),
      detail: cell("c-detail", "Detail"),
      eta: cell("c-eta", "ETA"),
      last: cell("c-last", "Last event"),
      risk: cell("c-risk", "Risk"),
      order: cell("c-order", "Order"),
      key: "",
    };
    row.tr.append(numberCell, row.carrier, row.status, row.detail, row.eta, row.last, row.risk, row.order,
      el("td", { className: "c-open", attrs: { role: "cell" } }, open));
    // A click anywhere on the row opens it too (the button is the keyboard way); links keep their own behaviour.
    row.tr.addEventListener("click", (event) => {
      if (!(event.target instanceof Element) || !event.target.closest("a, button")) {
        this.onOpen(shipment.id, open);
      }
    });
    return row;
  }

  private fill(row: Row, shipment: Shipment, now: number): void {
    const flags = riskFlags(shipment);
    const key = rowKey(shipment, flags.map((f) => f.code), now);
    if (key === row.key) {
      return;
    }
    // Tint rows whose shipment or risk changed, not every row at midnight (the day is the key's last part).
    const changed = row.key !== "" && row.key.slice(0, row.key.lastIndexOf("|")) !== key.slice(0, key.lastIndexOf("|"));
    row.key = key;
    row.tr.dataset.status = statusCode(shipment.status);
    row.tr.dataset.version = String(shipment.version);

    const trackingUrl = safeExternalUrl(shipment.trackingUrl);
    row.number.replaceChildren(trackingUrl
      ? el("a", {
          text: shipment.trackingNumber,
          attrs: { href: trackingUrl, target: "_blank", rel: "noopener noreferrer", title: "Open the carrier's tracking page" },
        })
      : shipment.trackingNumber);
    setText(row.carrier, shipment.carrier);
    row.status.replaceChildren(statusBadge(shipment.status));
    setText(row.detail, shipment.statusDetail);
    row.detail.title = shipment.statusDetail;
    row.eta.replaceChildren(...timeNode(formatDate(shipment.estimatedDelivery), isoString(shipment.estimatedDelivery)));
    const lastText = shipment.statusDescription;
    row.last.replaceChildren(...timeNode(formatWhen(shipment.lastEventAt, now), isoString(shipment.lastEventAt)), lastText);
    row.last.title = lastText;
    row.risk.replaceChildren(...flags.map(riskBadge));
    const order = shipment.order;
    setText(row.order, order && order.orderId ? `${order.channel || "order"} · ${order.orderId}` : "");
    row.order.title = row.order.textContent ?? "";
    if (changed) {
      // A brief tint on the row that changed: an animation of colour only, so nothing moves and no layout is forced.
      if (!reducedMotion.matches) {
        row.tr.animate([{ backgroundColor: "var(--changed)" }, { backgroundColor: "transparent" }], { duration: 1500, easing: "ease-out" });
      }
    }
  }
}

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

function timeNode(text: string, iso: string): Node[] {
  return iso ? [el("time", { text, attrs: { datetime: iso } })] : [];
}

function lowerBound(sorted: Shipment[], item: Shipment): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareRows(sorted[mid]!, item) < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
