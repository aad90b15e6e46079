import type { ShipmentUpdate } from "../gen/logisticslink/v1/tracking_service_pb";
import { ReconnectBackoff } from "./backoff";
import { WatchCursor, type WatchRequest } from "./cursor";
import { describeFailure, isTransient, needsRestart } from "./failures";

/**
 * Opens one WatchShipments call. `onHeaders` fires when the server has accepted the call; it has not read the snapshot
 * or the log yet then, so only an update proves the stream works.
 */
export interface WatchTransport {
  open(request: WatchRequest, call: { signal: AbortSignal; onHeaders: () => void }): AsyncIterable<ShipmentUpdate>;
}

/** What the connection indicator shows. */
export type WatchState =
  | { kind: "connecting" }
  | { kind: "live"; position: bigint }
  | { kind: "reconnecting"; delayMs: number; reason: string; position: bigint }
  | { kind: "failed"; error: unknown; message: string }
  | { kind: "stopped" };

export interface WatchHandlers {
  /** An accepted update (changes, snapshot items and heartbeats), each change at most once, in sequence order. */
  update(update: ShipmentUpdate): void;
  state(state: WatchState): void;
  /**
   * Forget every shipment applied so far: the page's position is not from the server's log (a replaced or restored
   * database), and a fresh snapshot follows. Its versions may be lower than those the page holds.
   */
  reset(): void;
}

export interface WatchOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /**
   * A call that delivers nothing (not even a heartbeat) for this long is presumed dead and replaced. The server sends
   * a heartbeat every 15 s by default; 0 disables the watchdog.
   */
  idleTimeoutMs: number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const defaultWatchOptions: WatchOptions = { initialDelayMs: 500, maxDelayMs: 10_000, idleTimeoutMs: 45_000 };

/**
 * Watches shipments until `signal` aborts or the server gives an answer retrying cannot fix (a bad key): on any other
 * failure, or when the stream ends, it reconnects with jittered exponential backoff and resumes after the last
 * sequence it applied, so the page sees every change exactly once across drops and server restarts.
 */
export async function watchShipments(
  request: WatchRequest,
  transport: WatchTransport,
  handlers: WatchHandlers,
  signal: AbortSignal,
  options: WatchOptions = defaultWatchOptions,
): Promise<void> {
  let cursor = new WatchCursor(request);
  const backoff = new ReconnectBackoff(options.initialDelayMs, options.maxDelayMs, options.random);
  const sleep = options.sleep ?? abortableSleep;
  handlers.state({ kind: "connecting" });

  while (!signal.aborted) {
    const call = new AbortController();
    const stopCall = () => call.abort();
    signal.addEventListener("abort", stopCall);
    let live = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let wentIdle = false;
    const armWatchdog = () => {
      if (options.idleTimeoutMs <= 0) {
        return;
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        wentIdle = true;
        call.abort();
      }, options.idleTimeoutMs);
    };
    // The headers say the call was accepted: the page shows Live (a resumed stream on a quiet log gets no update
    // before the first heartbeat, 15 s later). The backoff starts small again only once an update arrived: the server
    // sends its headers before reading the snapshot or the log, so a call failing each time right after them would
    // otherwise be retried at the smallest delay for ever, each time with a full snapshot.
    const goLive = () => {
      armWatchdog();
      if (!live) {
        live = true;
        handlers.state({ kind: "live", position: cursor.resumePosition });
      }
    };
    const received = () => {
      goLive();
      backoff.reset();
    };

    let reason = "the stream ended";
    try {
      armWatchdog();
      for await (const update of transport.open(cursor.nextRequest(), { signal: call.signal, onHeaders: goLive })) {
        received();
        if (cursor.accept(update)) {
          handlers.update(update);
        }
      }
    } catch (error) {
      if (signal.aborted) {
        break;
      }
      if (!wentIdle && needsRestart(error)) {
        // The filters stay; the position and the page's state start over from a snapshot.
        cursor = new WatchCursor({ ...request, resumeAfterSequence: 0n, resumeAfterCommittedAt: undefined, sendSnapshot: true });
        handlers.reset();
        reason = "the server's change log restarted; loading every shipment again";
      } else if (!wentIdle && !isTransient(error)) {
        handlers.state({ kind: "failed", error, message: describeFailure(error) });
        return;
      } else {
        reason = wentIdle ? `nothing arrived for ${options.idleTimeoutMs / 1000} s` : messageOf(error);
      }
    } finally {
      clearTimeout(idleTimer);
      signal.removeEventListener("abort", stopCall);
    }
    if (signal.aborted) {
      break;
    }

    const delayMs = backoff.next();
    handlers.state({ kind: "reconnecting", delayMs, reason, position: cursor.resumePosition });
    await sleep(delayMs, signal);
  }
  handlers.state({ kind: "stopped" });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
