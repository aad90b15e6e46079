import type { Timestamp } from "@bufbuild/protobuf/wkt";
import { ChangeKind, type ShipmentUpdate } from "../gen/logisticslink/v1/tracking_service_pb";

/** What a WatchShipments call asks for; the filters stay the same across reconnects. */
export interface WatchRequest {
  shipmentIds: string[];
  statuses: number[];
  resumeAfterSequence: bigint;
  /**
   * When the change at resumeAfterSequence was committed, as the stream gave it: the server refuses (OUT_OF_RANGE) a
   * position its log does not have, as after a database restore, instead of resuming past changes never seen.
   */
  resumeAfterCommittedAt?: Timestamp;
  sendSnapshot: boolean;
  /** resume_from_zero: a resumeAfterSequence of 0 is a position (the start of a log that was empty), not "start live". */
  resumeFromZero?: boolean;
}

/**
 * The resume bookkeeping of one watch, apart from any I/O so it can be tested alone (the same rules as the .NET
 * client's WatchCursor). It decides which updates reach the page and what to ask for on a reconnect, so that across
 * reconnects and server restarts the page applies every change once: no gap, no duplicate.
 *
 * A snapshot (send_snapshot with resume 0) is all-or-nothing: until the first live update or heartbeat proves it
 * complete, a reconnect asks for the whole snapshot again, and items already applied (same shipment, same version)
 * are dropped. Unlike the .NET client, it asks again from 0, not from the snapshot's position: the page shows
 * shipments only, which a new snapshot brings up to date, and has no use for the order changes replayed from there.
 */
export class WatchCursor {
  private readonly original: WatchRequest;
  private position: bigint;
  // The commit time of the change at the position (and at snapshotHigh), sent with it on resume.
  private positionCommittedAt: Timestamp | undefined;
  private inSnapshot: boolean;
  private snapshotHigh = 0n;
  private snapshotHighCommittedAt: Timestamp | undefined;
  private snapshotVersions: Map<string, bigint> | null;
  // The server has said where the page stands in its log; from then on a 0 is a position (a stream begun on an empty
  // log starts there), which a reconnect must resume from rather than start live again.
  private positioned = false;

  constructor(request: WatchRequest) {
    this.original = { ...request, shipmentIds: [...request.shipmentIds], statuses: [...request.statuses] };
    this.position = request.resumeAfterSequence;
    this.positionCommittedAt = request.resumeAfterCommittedAt;
    this.inSnapshot = request.sendSnapshot && request.resumeAfterSequence === 0n;
    this.snapshotVersions = this.inSnapshot ? new Map() : null;
  }

  /** The last sequence applied: every matching change up to it has been accepted. Held at the start while a snapshot is incomplete. */
  get resumePosition(): bigint {
    return this.inSnapshot ? this.original.resumeAfterSequence : this.position;
  }

  /** True while the snapshot that was asked for has not been seen to complete. */
  get snapshotPending(): boolean {
    return this.inSnapshot;
  }

  /** The request of the next call: the original one until the snapshot completes, then a plain resume. */
  nextRequest(): WatchRequest {
    if (this.inSnapshot) {
      return { ...this.original, shipmentIds: [...this.original.shipmentIds], statuses: [...this.original.statuses] };
    }
    return {
      shipmentIds: [...this.original.shipmentIds],
      statuses: [...this.original.statuses],
      resumeAfterSequence: this.position,
      resumeAfterCommittedAt: this.positionCommittedAt,
      sendSnapshot: false,
      resumeFromZero: this.positioned || this.original.resumeFromZero === true,
    };
  }

  /** Records an update and says whether the page should apply it. */
  accept(update: ShipmentUpdate): boolean {
    const body = update.update;
    switch (body.case) {
      case "heartbeat":
        this.positioned = true;
        this.endSnapshot();
        // The server sends a heartbeat only once every matching change up to latest_sequence was delivered.
        this.moveTo(body.value.latestSequence, body.value.latestCommittedAt);
        return true;
      case "change": {
        if (body.value.kind === ChangeKind.SNAPSHOT) {
          return this.acceptSnapshotItem(update);
        }
        this.endSnapshot();
        if (update.sequence === 0n) {
          // Not a log position: nothing to resume from or compare with.
          return true;
        }
        if (update.sequence <= this.position) {
          // Already applied before a reconnect, or older than the resume point.
          return false;
        }
        this.position = update.sequence;
        this.positioned = true;
        this.positionCommittedAt = body.value.committedAt;
        return true;
      }
      case "orderChange":
        // Order changes share the log's sequence: remember the position, though the table shows shipments only.
        this.positioned = true;
        this.endSnapshot();
        this.moveTo(update.sequence, body.value.committedAt);
        return false;
      default:
        // A kind of update this page does not know; it carries no position to trust.
        return false;
    }
  }

  private acceptSnapshotItem(update: ShipmentUpdate): boolean {
    if (!this.inSnapshot || this.snapshotVersions === null) {
      // State, not a change: show it, but never let it move the resume position.
      return true;
    }
    // Every item carries the position the stream starts from, 0 on an empty log.
    this.positioned = true;
    const shipment = update.update.case === "change" ? update.update.value.shipment : undefined;
    const id = shipment?.id ?? "";
    const version = shipment?.version ?? 0n;
    if (this.snapshotVersions.get(id) === version) {
      return false;
    }
    this.snapshotVersions.set(id, version);
    if (update.sequence > this.snapshotHigh) {
      this.snapshotHigh = update.sequence;
      this.snapshotHighCommittedAt = update.update.case === "change" ? update.update.value.positionCommittedAt : undefined;
    }
    return true;
  }

  private endSnapshot(): void {
    if (!this.inSnapshot) {
      return;
    }
    // Every snapshot item reflects the log up to its sequence, so the highest one is a safe resume point.
    this.inSnapshot = false;
    this.moveTo(this.snapshotHigh, this.snapshotHighCommittedAt);
    this.snapshotVersions = null;
  }

  /** Moves to `sequence` with its commit time unless already past it; the position never moves backwards. */
  private moveTo(sequence: bigint, committedAt: Timestamp | undefined): void {
    if (sequence > this.position) {
      this.position = sequence;
      this.positionCommittedAt = committedAt;
    } else if (sequence === this.position && this.positionCommittedAt === undefined) {
      this.positionCommittedAt = committedAt;
    }
  }
}
