/**
 * Exponential reconnect delays with jitter: the ceiling doubles from the initial delay up to the maximum, and each
 * delay is drawn from [ceiling / 2, ceiling). The random half keeps many tabs that lost the same server from
 * reconnecting in lockstep; the fixed half keeps a delay from collapsing to zero.
 */
export class ReconnectBackoff {
  private failures = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (!(initialMs > 0) || !(maxMs >= initialMs)) {
      throw new RangeError(`Backoff needs 0 < initialMs <= maxMs (got ${initialMs}, ${maxMs}).`);
    }
  }

  /** The ceiling of the next delay, before jitter. */
  get nextCeilingMs(): number {
    return Math.min(this.maxMs, this.initialMs * 2 ** this.failures);
  }

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const ceiling = this.nextCeilingMs;
    if (ceiling < this.maxMs) {
      this.failures++;
    }
    return ceiling * (0.5 + this.random() / 2);
  }

  /** Called when the server answers again: the next failure starts small. */
  reset(): void {
    this.failures = 0;
  }
}
