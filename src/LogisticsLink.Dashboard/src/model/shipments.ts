import { timestampMs } from "@bufbuild/protobuf/wkt";
import type { Shipment, ShipmentStatus } from "../gen/logisticslink/v1/shipment_pb";
import { riskFlags } from "./risk";

/** What the filter bar asks for; empty strings and null mean "any". */
export interface Filters {
  status: ShipmentStatus | null;
  carrier: string;
  /** An order channel, or {@link noChannel} for shipments without an order. */
  channel: string;
  /** A risk flag code, or {@link anyRisk} for shipments with at least one flag. */
  risk: string;
  /** Matched against the tracking number and the order id, ignoring case, spaces and dashes. */
  search: string;
}

export const noChannel = "(none)";
export const anyRisk = "(any)";

export const emptyFilters: Filters = { status: null, carrier: "", channel: "", risk: "", search: "" };

export type ApplyResult = "added" | "updated" | "ignored";

/** The tenant's shipments as the page knows them: current state only (the panel fetches histories). */
export class ShipmentBook {
  private readonly byId = new Map<string, Shipment>();

  get size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byId.clear();
  }

  get(id: string): Shipment | undefined {
    return this.byId.get(id);
  }

  /**
   * Takes the state a change or snapshot item carries. An older version than the one held (a snapshot item read before
   * a change that was already applied) is ignored, so the table never steps back.
   */
  apply(shipment: Shipment): ApplyResult {
    const known = this.byId.get(shipment.id);
    if (known && known.version > shipment.version) {
      return "ignored";
    }
    // Updates carry only the events their change added; the table needs none of them.
    this.byId.set(shipment.id, { ...shipment, events: [] });
    return known ? "updated" : "added";
  }

  /** Every shipment, newest registration first (a fixed order: updates never move a row). */
  ordered(): Shipment[] {
    return [...this.byId.values()].sort(compareRows);
  }

  counts(): Map<ShipmentStatus, number> {
    const counts = new Map<ShipmentStatus, number>();
    for (const shipment of this.byId.values()) {
      counts.set(shipment.status, (counts.get(shipment.status) ?? 0) + 1);
    }
    return counts;
  }

  carriers(): string[] {
    return distinct([...this.byId.values()].map((s) => s.carrier));
  }

  channels(): string[] {
    return distinct([...this.byId.values()].map((s) => s.order?.channel ?? "").filter((c) => c.length > 0));
  }
}

/** Row order: newest registration first, then by id so equal instants keep one order. */
export function compareRows(a: Shipment, b: Shipment): number {
  const byCreated = createdMs(b) - createdMs(a);
  if (byCreated !== 0) {
    return byCreated;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function createdMs(shipment: Shipment): number {
  return shipment.createdAt ? timestampMs(shipment.createdAt) : 0;
}

export function normalizeSearch(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}

export function matches(shipment: Shipment, filters: Filters): boolean {
  if (filters.status !== null && shipment.status !== filters.status) {
    return false;
  }
  if (filters.carrier && shipment.carrier !== filters.carrier) {
    return false;
  }
  if (filters.channel) {
    const channel = shipment.order?.channel ?? "";
    if (filters.channel === noChannel ? channel.length > 0 : channel !== filters.channel) {
      return false;
    }
  }
  if (filters.risk) {
    const flags = riskFlags(shipment);
    if (filters.risk === anyRisk ? flags.length === 0 : !flags.some((f) => f.code === filters.risk)) {
      return false;
    }
  }
  const needle = normalizeSearch(filters.search);
  if (needle) {
    const number = normalizeSearch(shipment.trackingNumber);
    const order = normalizeSearch(shipment.order?.orderId ?? "");
    if (!number.includes(needle) && !order.includes(needle)) {
      return false;
    }
  }
  return true;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}
