import { ConnectError } from "@connectrpc/connect";
import type { Shipment } from "../gen/logisticslink/v1/shipment_pb";
import type { TrackingClient } from "../api/client";
import { formatDate, formatDateTime, formatLocation, isoString, safeExternalUrl } from "../model/format";
import { riskFlags } from "../model/risk";
import { statusLabel } from "../model/statuses";
import { riskBadge, statusBadge } from "./badges";
import { byId, el, setText } from "./dom";

/**
 * The shipment panel: the header fields and the full event timeline from GetShipment. It stays in sync while open
 * (a change to its shipment fetches it again) and gives focus back to the control that opened it when closed.
 */
export class ShipmentPanel {
  private readonly panel = byId<HTMLElement>("panel");
  private readonly title = byId<HTMLElement>("panel-title");
  private readonly body = byId<HTMLElement>("panel-body");
  /** The one line screen readers hear on a redraw: the whole timeline as a live region would be read out each time. */
  private readonly status = byId<HTMLElement>("panel-status");
  private openId: string | null = null;
  private opener: HTMLElement | null = null;
  private request: AbortController | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: () => TrackingClient | null) {
    byId<HTMLButtonElement>("panel-close").addEventListener("click", () => this.close());
  }

  // On the document, not the panel: wherever the focus is (even on <body>, should a redraw have taken it), Escape
  // closes the open panel.
  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  };

  get shipmentId(): string | null {
    return this.openId;
  }

  open(id: string, opener: HTMLElement): void {
    this.openId = id;
    this.opener = opener;
    this.panel.hidden = false;
    document.body.classList.add("panel-open");
    this.title.textContent = "Shipment";
    this.status.textContent = "";
    this.body.replaceChildren(el("p", { className: "loading", text: "Loading the timeline…" }));
    document.addEventListener("keydown", this.onKeyDown);
    this.panel.focus();
    void this.load();
  }

  close(): void {
    if (this.openId === null) {
      return;
    }
    this.openId = null;
    document.removeEventListener("keydown", this.onKeyDown);
    this.request?.abort();
    clearTimeout(this.refreshTimer);
    this.panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (this.opener?.isConnected) {
      this.opener.focus();
    }
    this.opener = null;
  }

  /** A change arrived for this shipment: fetch its timeline again, at most about twice a second. */
  changed(id: string): void {
    if (id !== this.openId || this.refreshTimer !== undefined) {
      return;
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.load();
    }, 400);
  }

  private async load(): Promise<void> {
    const id = this.openId;
    const client = this.client();
    if (id === null || client === null) {
      return;
    }
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      const shipment = await client.getShipment({ shipmentId: id }, { signal: request.signal });
      if (this.openId === id) {
        this.render(shipment);
      }
    } catch (error) {
      if (!request.signal.aborted && this.openId === id) {
        this.replaceBody(el("p", { className: "error", attrs: { role: "alert" },
          text: `Could not load the shipment: ${ConnectError.from(error).rawMessage}` }));
      }
    }
  }

  private render(shipment: Shipment): void {
    this.title.textContent = shipment.trackingNumber;
    const facts = el("dl", { className: "facts" });
    const fact = (term: string, ...value: (Node | string)[]) => facts.append(el("dt", { text: term }), el("dd", {}, ...value));
    fact("Carrier", shipment.carrier);
    fact("Status", statusBadge(shipment.status), shipment.statusDetail ? ` ${shipment.statusDetail}` : "");
    if (shipment.statusDescription) {
      fact("Carrier says", shipment.statusDescription);
    }
    if (shipment.estimatedDelivery) {
      fact("ETA", formatDate(shipment.estimatedDelivery));
    }
    if (shipment.deliveredAt) {
      fact("Delivered", formatDateTime(shipment.deliveredAt));
    }
    if (shipment.order?.orderId) {
      fact("Order", `${shipment.order.channel || "order"} · ${shipment.order.orderId}`);
    }
    const flags = riskFlags(shipment);
    if (flags.length > 0) {
      fact("Risk", ...flags.map(riskBadge));
    }
    const labels = Object.entries(shipment.labels);
    if (labels.length > 0) {
      fact("Labels", labels.map(([k, v]) => `${k}=${v}`).join(", "));
    }
    fact("Last checked", formatDateTime(shipment.lastCheckedAt) + (shipment.stale ? " (stale)" : ""));
    const trackingUrl = safeExternalUrl(shipment.trackingUrl);
    if (trackingUrl) {
      fact("Carrier page", el("a", { text: "Open tracking page", attrs: { href: trackingUrl, target: "_blank", rel: "noopener noreferrer" } }));
    }

    const heading = el("h3", { text: `Timeline (${shipment.events.length} event${shipment.events.length === 1 ? "" : "s"})` });
    const timeline = el("ol", { className: "timeline", attrs: { "aria-label": "Events, newest first" } });
    for (const event of shipment.events) {
      const where = formatLocation(event.location);
      timeline.append(el("li", {},
        el("time", { text: formatDateTime(event.occurredAt), attrs: { datetime: isoString(event.occurredAt) } }),
        statusBadge(event.status),
        el("p", { className: "event-text", text: event.description || event.statusDetail }),
        el("p", { className: "event-meta", text: [where, event.rawCode ? `code ${event.rawCode}` : "", event.statusDetail].filter(Boolean).join(" · ") }),
      ));
    }
    if (shipment.events.length === 0) {
      timeline.append(el("li", { className: "none", text: "No carrier events yet." }));
    }
    this.replaceBody(facts, heading, timeline);
    setText(this.status, `${statusLabel(shipment.status)}, ${shipment.events.length} event${shipment.events.length === 1 ? "" : "s"}.`);
  }

  /** Redraws the body; when that removes the focused element, the focus stays in the panel instead of falling to <body>. */
  private replaceBody(...nodes: Node[]): void {
    const focused = document.activeElement;
    const hadFocus = focused !== null && this.body.contains(focused);
    this.body.replaceChildren(...nodes);
    if (hadFocus && !focused.isConnected) {
      this.panel.focus();
    }
  }
}
