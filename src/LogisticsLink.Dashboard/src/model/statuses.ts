import { ShipmentStatus } from "../gen/logisticslink/v1/shipment_pb";

/** Every status a shipment can have, in the order the counts show them (the journey, then the endings). */
export const statusOrder: readonly ShipmentStatus[] = [
  ShipmentStatus.PENDING,
  ShipmentStatus.NOT_FOUND,
  ShipmentStatus.INFO_RECEIVED,
  ShipmentStatus.IN_TRANSIT,
  ShipmentStatus.OUT_FOR_DELIVERY,
  ShipmentStatus.ATTEMPT_FAILED,
  ShipmentStatus.AVAILABLE_FOR_PICKUP,
  ShipmentStatus.EXCEPTION,
  ShipmentStatus.RETURNING,
  ShipmentStatus.DELIVERED,
  ShipmentStatus.RETURNED,
  ShipmentStatus.LOST,
  ShipmentStatus.CANCELLED,
  ShipmentStatus.EXPIRED,
];

const labels: Record<ShipmentStatus, string> = {
  [ShipmentStatus.UNSPECIFIED]: "Unknown",
  [ShipmentStatus.PENDING]: "Pending",
  [ShipmentStatus.NOT_FOUND]: "Not found",
  [ShipmentStatus.INFO_RECEIVED]: "Info received",
  [ShipmentStatus.IN_TRANSIT]: "In transit",
  [ShipmentStatus.OUT_FOR_DELIVERY]: "Out for delivery",
  [ShipmentStatus.ATTEMPT_FAILED]: "Attempt failed",
  [ShipmentStatus.AVAILABLE_FOR_PICKUP]: "Ready for pickup",
  [ShipmentStatus.DELIVERED]: "Delivered",
  [ShipmentStatus.EXCEPTION]: "Exception",
  [ShipmentStatus.RETURNING]: "Returning",
  [ShipmentStatus.RETURNED]: "Returned",
  [ShipmentStatus.LOST]: "Lost",
  [ShipmentStatus.CANCELLED]: "Cancelled",
  [ShipmentStatus.EXPIRED]: "Expired",
};

/** The tone of a status badge: a CSS class suffix. */
export type StatusTone = "neutral" | "moving" | "attention" | "done" | "bad";

const tones: Record<ShipmentStatus, StatusTone> = {
  [ShipmentStatus.UNSPECIFIED]: "neutral",
  [ShipmentStatus.PENDING]: "neutral",
  [ShipmentStatus.NOT_FOUND]: "neutral",
  [ShipmentStatus.INFO_RECEIVED]: "neutral",
  [ShipmentStatus.IN_TRANSIT]: "moving",
  [ShipmentStatus.OUT_FOR_DELIVERY]: "moving",
  [ShipmentStatus.ATTEMPT_FAILED]: "attention",
  [ShipmentStatus.AVAILABLE_FOR_PICKUP]: "attention",
  [ShipmentStatus.DELIVERED]: "done",
  [ShipmentStatus.EXCEPTION]: "attention",
  [ShipmentStatus.RETURNING]: "attention",
  [ShipmentStatus.RETURNED]: "bad",
  [ShipmentStatus.LOST]: "bad",
  [ShipmentStatus.CANCELLED]: "bad",
  [ShipmentStatus.EXPIRED]: "bad",
};

export function statusLabel(status: ShipmentStatus): string {
  return labels[status] ?? `Status ${status}`;
}

export function statusTone(status: ShipmentStatus): StatusTone {
  return tones[status] ?? "neutral";
}

/** The status name as the API spells it without its prefix, e.g. "IN_TRANSIT": stable for tests and filters. */
export function statusCode(status: ShipmentStatus): string {
  return ShipmentStatus[status] ?? String(status);
}

const terminal = new Set<ShipmentStatus>([
  ShipmentStatus.DELIVERED,
  ShipmentStatus.RETURNED,
  ShipmentStatus.LOST,
  ShipmentStatus.CANCELLED,
  ShipmentStatus.EXPIRED,
]);

export function isTerminal(status: ShipmentStatus): boolean {
  return terminal.has(status);
}
