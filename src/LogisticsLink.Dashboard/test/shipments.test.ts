import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { create } from "@bufbuild/protobuf";
import { RiskFlagSchema, RiskKind, ShipmentStatus } from "../src/gen/logisticslink/v1/shipment_pb";
import { riskFlags } from "../src/model/risk";
import { anyRisk, emptyFilters, matches, noChannel, ShipmentBook } from "../src/model/shipments";
import { shipment } from "./updates";

const now = Date.UTC(2025, 5, 1);

describe("ShipmentBook", () => {
  it("keeps the newest version and never steps back", () => {
    const book = new ShipmentBook();
    expect(book.apply(shipment("1", 3n, ShipmentStatus.IN_TRANSIT))).toBe("added");
    expect(book.apply(shipment("1", 2n, ShipmentStatus.INFO_RECEIVED))).toBe("ignored");
    expect(book.apply(shipment("1", 4n, ShipmentStatus.DELIVERED))).toBe("updated");
    expect(book.get("1")?.status).toBe(ShipmentStatus.DELIVERED);
  });

  it("orders rows newest registration first and counts by status", () => {
    const book = new ShipmentBook();
    book.apply(shipment("1", 1n, ShipmentStatus.DELIVERED));
    book.apply(shipment("3", 1n, ShipmentStatus.IN_TRANSIT));
    book.apply(shipment("2", 1n, ShipmentStatus.DELIVERED));
    expect(book.ordered().map((s) => s.id)).toEqual(["3", "2", "1"]);
    expect(book.counts().get(ShipmentStatus.DELIVERED)).toBe(2);
    expect(book.counts().get(ShipmentStatus.IN_TRANSIT)).toBe(1);
  });
});

describe("matches", () => {
  const amazon = shipment("7", 1n, ShipmentStatus.EXCEPTION, {
    order: { $typeName: "logisticslink.v1.OrderReference", channel: "amazon", orderId: "113-1234567-7654321" },
    risks: [create(RiskFlagSchema, { kind: RiskKind.EXCEPTION, reason: "Held by customs", actionRequired: true })],
  });
  const bare = shipment("8", 1n, ShipmentStatus.DELIVERED, { carrier: "ups" });

  it("filters by status, carrier and channel (including shipments without an order)", () => {
    expect(matches(amazon, { ...emptyFilters, status: ShipmentStatus.EXCEPTION })).toBe(true);
    expect(matches(bare, { ...emptyFilters, status: ShipmentStatus.EXCEPTION })).toBe(false);
    expect(matches(bare, { ...emptyFilters, carrier: "ups" })).toBe(true);
    expect(matches(amazon, { ...emptyFilters, channel: "amazon" })).toBe(true);
    expect(matches(amazon, { ...emptyFilters, channel: noChannel })).toBe(false);
    expect(matches(bare, { ...emptyFilters, channel: noChannel })).toBe(true);
  });

  it("searches tracking numbers and order ids ignoring case, spaces and dashes", () => {
    expect(matches(amazon, { ...emptyFilters, search: "llsb 000000 0007" })).toBe(true);
    expect(matches(amazon, { ...emptyFilters, search: "1131234567" })).toBe(true);
    expect(matches(bare, { ...emptyFilters, search: "113-" })).toBe(false);
  });

  it("filters by one risk flag or by any", () => {
    expect(matches(amazon, { ...emptyFilters, risk: "exception" })).toBe(true);
    expect(matches(amazon, { ...emptyFilters, risk: anyRisk })).toBe(true);
    expect(matches(bare, { ...emptyFilters, risk: anyRisk })).toBe(false);
  });
});

describe("riskFlags", () => {
  it("shows the server's flags with their reasons, and stale data", () => {
    const risks = [
      create(RiskFlagSchema, { kind: RiskKind.DELAYED, reason: "Carrier estimate 2025-06-03 is after the promised 2025-06-02", since: timestampFromMs(now), actionRequired: true }),
      create(RiskFlagSchema, { kind: RiskKind.STALLED, reason: "No carrier scan since 2025-06-01 08:00 UTC (limit 48 h)", actionRequired: false }),
    ];
    const flags = riskFlags(shipment("1", 1n, ShipmentStatus.IN_TRANSIT, { risks, stale: true }));
    expect(flags.map((f) => f.code)).toEqual(["delayed", "stalled", "stale"]);
    expect(flags[0].reason).toBe("Carrier estimate 2025-06-03 is after the promised 2025-06-02 (action required)");
    expect(flags[1].reason).toBe("No carrier scan since 2025-06-01 08:00 UTC (limit 48 h)");
  });

  it("flags nothing on a parcel without server flags", () => {
    expect(riskFlags(shipment("1", 1n, ShipmentStatus.EXCEPTION))).toEqual([]);
  });
});
