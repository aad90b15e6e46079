import type { ShipmentStatus } from "../gen/logisticslink/v1/shipment_pb";
import type { RiskFlag } from "../model/risk";
import { statusCode, statusLabel, statusTone } from "../model/statuses";
import { el } from "./dom";

export function statusBadge(status: ShipmentStatus): HTMLSpanElement {
  return el("span", {
    className: `badge tone-${statusTone(status)}`,
    text: statusLabel(status),
    attrs: { "data-status": statusCode(status) },
  });
}

export function riskBadge(flag: RiskFlag): HTMLSpanElement {
  return el("span", { className: `risk risk-${flag.code}`, text: flag.label, attrs: { title: flag.reason, "data-risk": flag.code } });
}
