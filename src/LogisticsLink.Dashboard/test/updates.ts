import { create } from "@bufbuild/protobuf";
import { timestampFromMs, type Timestamp } from "@bufbuild/protobuf/wkt";
import { ShipmentSchema, ShipmentStatus, type Shipment } from "../src/gen/logisticslink/v1/shipment_pb";
import { ChangeKind, ShipmentUpdateSchema, type ShipmentUpdate } from "../src/gen/logisticslink/v1/tracking_service_pb";

export function shipment(id: string, version: bigint, status = ShipmentStatus.IN_TRANSIT, extra: Partial<Omit<Shipment, "$typeName">> = {}): Shipment {
  return create(ShipmentSchema, {
    id,
    version,
    status,
    carrier: "sandbox",
    trackingNumber: `LLSB${id.padStart(10, "0")}`,
    createdAt: timestampFromMs(Date.UTC(2025, 0, 1) + Number(id.replace(/\D/g, "") || 0) * 1000),
    ...extra,
  });
}

/** When the scripted log committed the change at `sequence` (with nanos, as the server's ticks give them; none at 0). */
export function at(sequence: bigint): Timestamp | undefined {
  return sequence === 0n ? undefined : { ...timestampFromMs(Date.UTC(2025, 2, 1) + Number(sequence) * 1000), nanos: 700 };
}

export function change(sequence: bigint, id: string, version: bigint, status = ShipmentStatus.IN_TRANSIT): ShipmentUpdate {
  return create(ShipmentUpdateSchema, {
    sequence,
    update: {
      case: "change",
      value: { kind: ChangeKind.STATUS_CHANGED, kinds: [ChangeKind.STATUS_CHANGED], shipment: shipment(id, version, status), committedAt: at(sequence) },
    },
  });
}

export function snapshotItem(sequence: bigint, id: string, version: bigint): ShipmentUpdate {
  return create(ShipmentUpdateSchema, {
    sequence,
    update: {
      case: "change",
      value: { kind: ChangeKind.SNAPSHOT, kinds: [ChangeKind.SNAPSHOT], shipment: shipment(id, version), positionCommittedAt: at(sequence) },
    },
  });
}

export function heartbeat(latest: bigint): ShipmentUpdate {
  return create(ShipmentUpdateSchema, {
    sequence: 0n,
    update: { case: "heartbeat", value: { latestSequence: latest, latestCommittedAt: at(latest) } },
  });
}
