import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ShipmentUpdateSchema } from "../src/gen/logisticslink/v1/tracking_service_pb";
import { WatchCursor } from "../src/watch/cursor";
import { at, change, heartbeat, snapshotItem } from "./updates";

const live = { shipmentIds: [], statuses: [4], resumeAfterSequence: 0n, sendSnapshot: false };
const withSnapshot = { ...live, sendSnapshot: true };

describe("WatchCursor", () => {
  it("moves to each change's sequence and drops what it already applied", () => {
    const cursor = new WatchCursor(live);
    expect(cursor.accept(change(5n, "a", 2n))).toBe(true);
    expect(cursor.accept(change(7n, "b", 2n))).toBe(true);
    expect(cursor.accept(change(7n, "b", 2n))).toBe(false);
    expect(cursor.accept(change(6n, "a", 3n))).toBe(false);
    expect(cursor.resumePosition).toBe(7n);
  });

  it("resumes after an order change it does not apply, since order changes share the log's sequence", () => {
    const cursor = new WatchCursor(live);
    cursor.accept(change(5n, "a", 2n));
    const order = create(ShipmentUpdateSchema, { sequence: 8n, update: { case: "orderChange", value: { order: { channel: "amazon", orderId: "1" } } } });
    expect(cursor.accept(order)).toBe(false);
    expect(cursor.resumePosition).toBe(8n);
  });

  it("asks to resume after the last applied sequence, without a snapshot, with the same filters", () => {
    const cursor = new WatchCursor(withSnapshot);
    cursor.accept(snapshotItem(3n, "a", 1n));
    cursor.accept(change(9n, "a", 2n));
    expect(cursor.nextRequest()).toEqual({ shipmentIds: [], statuses: [4], resumeAfterSequence: 9n, resumeAfterCommittedAt: at(9n), sendSnapshot: false, resumeFromZero: true });
  });

  it("resumes a watch begun on an empty log from its position 0 instead of starting live again", () => {
    const cursor = new WatchCursor(withSnapshot);
    cursor.accept(heartbeat(0n));
    expect(cursor.nextRequest()).toEqual({ shipmentIds: [], statuses: [4], resumeAfterSequence: 0n, sendSnapshot: false, resumeFromZero: true });
  });

  it("starts live again when cut off before the server said where the watch stands", () => {
    expect(new WatchCursor(live).nextRequest().resumeFromZero).toBe(false);
  });

  it("sends the commit time of the change at its position, so a restored server refuses a position it does not have", () => {
    const cursor = new WatchCursor(live);
    cursor.accept(change(5n, "a", 2n));
    expect(cursor.nextRequest().resumeAfterCommittedAt).toEqual(at(5n));
    const order = create(ShipmentUpdateSchema, { sequence: 8n, update: { case: "orderChange", value: { order: { channel: "amazon", orderId: "1" }, committedAt: at(8n) } } });
    cursor.accept(order);
    expect(cursor.nextRequest().resumeAfterCommittedAt).toEqual(at(8n));
    cursor.accept(heartbeat(12n));
    cursor.accept(heartbeat(3n));
    expect(cursor.nextRequest()).toMatchObject({ resumeAfterSequence: 12n, resumeAfterCommittedAt: at(12n) });
  });

  it("resumes from a completed snapshot's position with the time its items carried, and from an empty log with none", () => {
    const cursor = new WatchCursor(withSnapshot);
    cursor.accept(snapshotItem(20n, "a", 4n));
    expect(cursor.nextRequest().resumeAfterCommittedAt).toBeUndefined();
    cursor.accept(heartbeat(20n));
    expect(cursor.nextRequest()).toMatchObject({ resumeAfterSequence: 20n, resumeAfterCommittedAt: at(20n) });
    const empty = new WatchCursor(live);
    empty.accept(heartbeat(0n));
    expect(empty.nextRequest().resumeAfterCommittedAt).toBeUndefined();
  });

  it("starts from the requested position when resuming", () => {
    const cursor = new WatchCursor({ ...live, resumeAfterSequence: 40n });
    expect(cursor.accept(change(40n, "a", 2n))).toBe(false);
    expect(cursor.accept(change(41n, "a", 3n))).toBe(true);
    expect(cursor.nextRequest().resumeAfterSequence).toBe(41n);
  });

  it("takes a heartbeat's latest sequence as the position, never moving back", () => {
    const cursor = new WatchCursor(live);
    cursor.accept(heartbeat(12n));
    expect(cursor.resumePosition).toBe(12n);
    cursor.accept(heartbeat(3n));
    expect(cursor.resumePosition).toBe(12n);
    expect(cursor.accept(change(12n, "a", 2n))).toBe(false);
  });

  it("holds the position while a snapshot is incomplete and asks for the whole snapshot again", () => {
    const cursor = new WatchCursor(withSnapshot);
    expect(cursor.accept(snapshotItem(20n, "a", 4n))).toBe(true);
    expect(cursor.snapshotPending).toBe(true);
    expect(cursor.resumePosition).toBe(0n);
    expect(cursor.nextRequest()).toEqual(withSnapshot);
  });

  it("drops snapshot items already applied when a snapshot is sent again, but takes newer versions", () => {
    const cursor = new WatchCursor(withSnapshot);
    cursor.accept(snapshotItem(20n, "a", 4n));
    expect(cursor.accept(snapshotItem(22n, "a", 4n))).toBe(false);
    expect(cursor.accept(snapshotItem(22n, "a", 5n))).toBe(true);
    expect(cursor.accept(snapshotItem(22n, "b", 1n))).toBe(true);
  });

  it("ends the snapshot at the first live update and resumes after the highest snapshot position", () => {
    const cursor = new WatchCursor(withSnapshot);
    cursor.accept(snapshotItem(20n, "a", 4n));
    cursor.accept(snapshotItem(20n, "b", 2n));
    cursor.accept(heartbeat(20n));
    expect(cursor.snapshotPending).toBe(false);
    expect(cursor.resumePosition).toBe(20n);
    expect(cursor.accept(change(20n, "a", 4n))).toBe(false);
    expect(cursor.accept(change(21n, "a", 5n))).toBe(true);
  });

  it("shows a snapshot item outside the snapshot phase without letting it move the position", () => {
    const cursor = new WatchCursor(live);
    cursor.accept(change(8n, "a", 2n));
    expect(cursor.accept(snapshotItem(99n, "b", 1n))).toBe(true);
    expect(cursor.resumePosition).toBe(8n);
  });
});
