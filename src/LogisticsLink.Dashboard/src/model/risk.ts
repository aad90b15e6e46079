import { timestampMs } from "@bufbuild/protobuf/wkt";
import { ShipmentStatus, type Shipment } from "../gen/logisticslink/v1/shipment_pb";
import { isTerminal } from "./statuses";

/** One sign of trouble on a shipment, as the table and the filter show it. */
export interface RiskFlag {
  /** Stable code, used by the risk filter and by tests. */
  code: string;
  /** Short text on the badge. */
  label: string;
  /** Why it is flagged, for the badge's tooltip and screen readers. */
  reason: string;
}

/** Every flag code the risk filter offers, in display order. */
export const riskCodes: readonly { code: string; label: string }[] = [
  { code: "late", label: "Late" },
  { code: "exception", label: "Exception" },
  { code: "attempt_failed", label: "Attempt failed" },
  { code: "stale", label: "Stale" },
];

/**
 * The trouble a shipment shows. Today derived from the Shipment message alone (the contract has no risk field yet);
 * when the server sends its own risk flags, map them here and every view and filter follows.
 */
export function riskFlags(shipment: Shipment, nowMs: number): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (shipment.estimatedDelivery && !isTerminal(shipment.status) && timestampMs(shipment.estimatedDelivery) < nowMs) {
    flags.push({ code: "late", label: "Late", reason: "The estimated delivery has passed and the parcel is not delivered." });
  }
  if (shipment.status === ShipmentStatus.EXCEPTION) {
    flags.push({ code: "exception", label: "Exception", reason: shipment.statusDescription || "The carrier reports a problem." });
  }
  if (shipment.status === ShipmentStatus.ATTEMPT_FAILED) {
    flags.push({ code: "attempt_failed", label: "Attempt failed", reason: "A delivery attempt failed; the carrier will retry." });
  }
  if (shipment.stale) {
    flags.push({ code: "stale", label: "Stale", reason: "The last carrier check failed: this is the last known state." });
  }
  return flags;
}
