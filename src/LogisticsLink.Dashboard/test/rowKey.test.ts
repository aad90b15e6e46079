import { describe, expect, it } from "vitest";
import { rowKey } from "../src/ui/rowKey";
import { shipment } from "./updates";

describe("rowKey", () => {
  const s = shipment("1", 4n);

  it("stays the same through a day, so a minute's re-evaluation redraws nothing", () => {
    expect(rowKey(s, ["late"], new Date(2025, 5, 1, 9, 0).getTime())).toBe(rowKey(s, ["late"], new Date(2025, 5, 1, 23, 59).getTime()));
  });

  it("changes at local midnight: a last event shown as a bare time today needs its date tomorrow", () => {
    expect(rowKey(s, [], new Date(2025, 5, 1, 23, 59).getTime())).not.toBe(rowKey(s, [], new Date(2025, 5, 2, 0, 1).getTime()));
  });

  it("changes with the version and the risk flags", () => {
    const now = new Date(2025, 5, 1, 12, 0).getTime();
    expect(rowKey(s, [], now)).not.toBe(rowKey(shipment("1", 5n), [], now));
    expect(rowKey(s, [], now)).not.toBe(rowKey(s, ["stale"], now));
  });
});
