import { describe, expect, it } from "vitest";
import { ReconnectBackoff } from "../src/watch/backoff";

describe("ReconnectBackoff", () => {
  it("doubles its ceiling up to the maximum, each delay between half the ceiling and the ceiling", () => {
    const low = new ReconnectBackoff(500, 4000, () => 0);
    expect([low.next(), low.next(), low.next(), low.next(), low.next()]).toEqual([250, 500, 1000, 2000, 2000]);
    const high = new ReconnectBackoff(500, 4000, () => 0.999999);
    const delays = [high.next(), high.next(), high.next(), high.next()];
    delays.forEach((delay, i) => expect(delay).toBeCloseTo(Math.min(4000, 500 * 2 ** i), -1));
  });

  it("starts small again after a reset", () => {
    const backoff = new ReconnectBackoff(500, 4000, () => 0);
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.nextCeilingMs).toBe(500);
  });

  it("rejects delays that make no sense", () => {
    expect(() => new ReconnectBackoff(0, 100)).toThrow(RangeError);
    expect(() => new ReconnectBackoff(200, 100)).toThrow(RangeError);
  });
});
