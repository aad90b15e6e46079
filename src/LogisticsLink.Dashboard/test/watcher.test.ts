import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import type { ShipmentUpdate } from "../src/gen/logisticslink/v1/tracking_service_pb";
import type { WatchRequest } from "../src/watch/cursor";
import { watchShipments, type WatchOptions, type WatchState, type WatchTransport } from "../src/watch/watcher";
import { at, change, heartbeat, snapshotItem } from "./updates";

type Script = (call: { signal: AbortSignal; onHeaders: () => void }) => AsyncIterable<ShipmentUpdate>;

/** A transport that plays one script per call and records what each call asked for. */
class ScriptedTransport implements WatchTransport {
  readonly requests: WatchRequest[] = [];
  constructor(private readonly scripts: Script[], private readonly whenDone: () => void) {}

  open(request: WatchRequest, call: { signal: AbortSignal; onHeaders: () => void }): AsyncIterable<ShipmentUpdate> {
    this.requests.push(request);
    const script = this.scripts[this.requests.length - 1];
    if (!script) {
      this.whenDone();
      return hang(call.signal);
    }
    return script(call);
  }
}

function plays(updates: ShipmentUpdate[], end?: Error): Script {
  return async function* (call) {
    call.onHeaders();
    yield* updates;
    if (end) {
      throw end;
    }
  };
}

function failsAtOnce(error: Error): Script {
  // eslint-disable-next-line require-yield
  return async function* () {
    throw error;
  };
}

async function* hang(signal: AbortSignal): AsyncIterable<ShipmentUpdate> {
  if (!signal.aborted) {
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
  }
  throw new ConnectError("aborted", Code.Canceled);
}

const unavailable = () => new ConnectError("The server is shutting down. Resume with resume_after_sequence = 7.", Code.Unavailable);
const start = { shipmentIds: [], statuses: [], resumeAfterSequence: 0n, sendSnapshot: true };

/** Runs a watch over the scripts until they are used up (then stops it), with no real waiting between attempts. */
async function run(scripts: Script[], options: Partial<WatchOptions> = {}) {
  const abort = new AbortController();
  const transport = new ScriptedTransport(scripts, () => abort.abort());
  const applied: ShipmentUpdate[] = [];
  const states: WatchState[] = [];
  const delays: number[] = [];
  // How many updates had been applied at each reset, to see that a reset comes before what follows it.
  const resets: number[] = [];
  const handlers = { update: (u: ShipmentUpdate) => applied.push(u), state: (s: WatchState) => states.push(s), reset: () => resets.push(applied.length) };
  await watchShipments(start, transport, handlers, abort.signal, {
    initialDelayMs: 100,
    maxDelayMs: 800,
    idleTimeoutMs: 0,
    random: () => 0.999,
    sleep: async (ms) => {
      delays.push(Math.round(ms));
    },
    ...options,
  });
  return { transport, applied, states, delays, resets };
}

describe("watchShipments", () => {
  it("asks for a snapshot first, then after a drop resumes after the last applied sequence without duplicates", async () => {
    const { transport, applied } = await run([
      plays([snapshotItem(5n, "a", 1n), snapshotItem(5n, "b", 3n), change(6n, "a", 2n), change(7n, "b", 4n)], unavailable()),
      // The server replays 7 (already applied) before the new ones.
      plays([change(7n, "b", 4n), change(9n, "a", 3n)], new TypeError("Failed to fetch")),
      plays([heartbeat(12n)]),
    ]);

    expect(transport.requests.map((r) => [r.resumeAfterSequence, r.sendSnapshot])).toEqual([[0n, true], [7n, false], [9n, false], [12n, false]]);
    expect(applied.filter((u) => u.update.case === "change").map((u) => u.sequence)).toEqual([5n, 5n, 6n, 7n, 9n]);
  });

  it("asks for the whole snapshot again when the first call drops in the middle of it", async () => {
    const { transport, applied } = await run([
      plays([snapshotItem(5n, "a", 1n)], unavailable()),
      plays([snapshotItem(6n, "a", 1n), snapshotItem(6n, "b", 1n), change(7n, "b", 2n)]),
    ]);

    expect(transport.requests.map((r) => [r.resumeAfterSequence, r.sendSnapshot])).toEqual([[0n, true], [0n, true], [7n, false]]);
    expect(applied.map((u) => (u.update.case === "change" ? u.update.value.shipment?.id : "hb"))).toEqual(["a", "b", "b"]);
  });

  it("reconnects when a stream simply ends, as the contract says it stays live", async () => {
    const { transport } = await run([plays([change(3n, "a", 2n)]), plays([])]);
    expect(transport.requests.map((r) => r.resumeAfterSequence)).toEqual([0n, 3n, 3n]);
  });

  it("backs off more after each failed attempt and starts small again once the server answers", async () => {
    const { delays } = await run([
      failsAtOnce(new TypeError("Failed to fetch")),
      failsAtOnce(new TypeError("Failed to fetch")),
      failsAtOnce(new TypeError("Failed to fetch")),
      failsAtOnce(new TypeError("Failed to fetch")),
      failsAtOnce(new TypeError("Failed to fetch")),
      plays([heartbeat(1n)], unavailable()),
      failsAtOnce(new TypeError("Failed to fetch")),
    ]);
    expect(delays).toEqual([100, 200, 400, 800, 800, 100, 200]);
  });

  it("keeps backing off when each call fails right after the server's headers, before any update", async () => {
    // The server sends headers before it reads the snapshot or the log: headers alone do not prove the stream works.
    const reset = () => new ConnectError("the server reset the stream", Code.Internal);
    const { delays } = await run([plays([], reset()), plays([], reset()), plays([], reset())]);
    expect(delays).toEqual([100, 200, 400]);
  });

  it("reports connecting, live on the server's headers, reconnecting with the resume point, and live again", async () => {
    const { states } = await run([plays([change(4n, "a", 2n)], unavailable()), plays([])]);
    expect(states.map((s) => s.kind)).toEqual(["connecting", "live", "reconnecting", "live", "reconnecting", "stopped"]);
    const reconnecting = states[2];
    expect(reconnecting?.kind === "reconnecting" && reconnecting.position).toBe(4n);
    expect(reconnecting?.kind === "reconnecting" && reconnecting.reason).toContain("shutting down");
  });

  it("stops with a clear message on a wrong key instead of retrying", async () => {
    const { transport, states } = await run([failsAtOnce(new ConnectError("The API key is not valid.", Code.Unauthenticated)), plays([])]);
    expect(transport.requests).toHaveLength(1);
    const last = states.at(-1);
    expect(last?.kind).toBe("failed");
    expect(last?.kind === "failed" && last.message).toBe("The server did not accept this API key. Check it and enter it again.");
  });

  it("starts again from a fresh snapshot, after clearing the page, when the server's log is not the one the position came from", async () => {
    const outOfRange = new ConnectError("resume_after_sequence 9 with resume_after_committed_at … is not a position of this server's change log", Code.OutOfRange);
    const { transport, applied, states, resets } = await run([
      plays([snapshotItem(5n, "a", 4n), change(9n, "a", 5n)], unavailable()),
      failsAtOnce(outOfRange),
      // The restored database: lower sequences and versions than the page saw.
      plays([snapshotItem(2n, "a", 1n), change(3n, "b", 1n)]),
    ]);

    expect(transport.requests.map((r) => [r.resumeAfterSequence, r.sendSnapshot])).toEqual([[0n, true], [9n, false], [0n, true], [3n, false]]);
    // The position went out with its commit time, which the restored log does not have; the fresh start sends none.
    expect(transport.requests.map((r) => r.resumeAfterCommittedAt)).toEqual([undefined, at(9n), undefined, at(3n)]);
    expect(resets).toEqual([2]);
    expect(applied.slice(2).map((u) => u.sequence)).toEqual([2n, 3n]);
    expect(states.some((s) => s.kind === "failed")).toBe(false);
  });

  it("replaces a call that delivers nothing, not even a heartbeat, for the idle timeout", async () => {
    const { transport, states } = await run([(call) => hang(call.signal), plays([heartbeat(2n)])], { idleTimeoutMs: 20 });
    expect(transport.requests).toHaveLength(3);
    const reconnecting = states.find((s) => s.kind === "reconnecting");
    expect(reconnecting?.kind === "reconnecting" && reconnecting.reason).toBe("nothing arrived for 0.02 s");
  });

  it("ends with stopped when the page aborts it, without another attempt", async () => {
    const abort = new AbortController();
    const states: WatchState[] = [];
    let calls = 0;
    const transport: WatchTransport = {
      open: (_request, call) => {
        calls++;
        queueMicrotask(() => abort.abort());
        return hang(call.signal);
      },
    };
    await watchShipments(start, transport, { update: () => {}, state: (s) => states.push(s), reset: () => {} }, abort.signal);
    expect(calls).toBe(1);
    expect(states.map((s) => s.kind)).toEqual(["connecting", "stopped"]);
  });
});
