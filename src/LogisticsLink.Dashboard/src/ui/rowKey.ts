import type { Shipment } from "../gen/logisticslink/v1/shipment_pb";

/**
 * What a row's cells show depends on: while it stays the same, the row is not redrawn. Besides the shipment's version
 * and risk flags, the local day: "Last event" is a bare time when it is today, so after midnight it needs its date.
 */
export function rowKey(shipment: Shipment, flagCodes: readonly string[], nowMs: number): string {
  return `${shipment.version}|${flagCodes.join(",")}|${new Date(nowMs).toDateString()}`;
}
