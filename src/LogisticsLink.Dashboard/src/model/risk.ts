import { RiskKind, type Shipment } from "../gen/logisticslink/v1/shipment_pb";

/** One sign of trouble on a shipment, as the table and the filter show it. */
export interface RiskFlag {
  /** Stable code, used by the risk filter and by tests. */
  code: string;
  /** Short text on the badge. */
  label: string;
  /** Why it is flagged, for the badge's tooltip and screen readers. */
  reason: string;
}

const kinds: ReadonlyMap<RiskKind, { code: string; label: string }> = new Map([
  [RiskKind.DELAYED, { code: "delayed", label: "Delayed" }],
  [RiskKind.STALLED, { code: "stalled", label: "Stalled" }],
  [RiskKind.EXCEPTION, { code: "exception", label: "Exception" }],
  [RiskKind.ATTEMPT_FAILED, { code: "attempt_failed", label: "Attempt failed" }],
  [RiskKind.RETURNING, { code: "returning", label: "Returning" }],
  [RiskKind.LOST, { code: "lost", label: "Lost" }],
  [RiskKind.LATE_SHIPMENT, { code: "late_shipment", label: "Late shipment" }],
  [RiskKind.NO_VALID_TRACKING, { code: "no_valid_tracking", label: "No valid tracking" }],
]);

/** Every flag code the risk filter offers, in display order. */
export const riskCodes: readonly { code: string; label: string }[] = [...kinds.values(), { code: "stale", label: "Stale" }];

/**
 * The trouble a shipment shows: the server's risk flags (judged by its rules, raised and cleared on the stream),
 * plus "stale" when the last carrier check failed.
 */
export function riskFlags(shipment: Shipment): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const risk of shipment.risks) {
    const kind = kinds.get(risk.kind);
    if (kind) {
      flags.push({ ...kind, reason: risk.actionRequired ? `${risk.reason} (action required)` : risk.reason });
    }
  }
  if (shipment.stale) {
    flags.push({ code: "stale", label: "Stale", reason: "The last carrier check failed: this is the last known state." });
  }
  return flags;
}
