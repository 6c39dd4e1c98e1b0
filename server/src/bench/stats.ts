// Latency samples and delivery counts. Samples are kept exactly (a run holds well under a few million
// of them) so that the reported percentiles are exact, not bucketed.

/** Nearest-rank percentile of ascending `sorted` values; NaN for no values. `p` is in [0, 100]. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] as number;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class Samples {
  private values = new Float64Array(1024);
  private length = 0;

  add(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** Adds samples taken elsewhere (another worker thread). */
  addAll(values: Float64Array): void {
    for (const value of values) this.add(value);
  }

  /** A copy of the samples, e.g. to transfer to another thread. */
  toArray(): Float64Array {
    return this.values.slice(0, this.length);
  }

  get count(): number {
    return this.length;
  }

  summary(): LatencySummary {
    const sorted = this.toArray().sort();
    return {
      count: this.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    };
  }
}

/** A Tally in transferable form, for moving it between threads. */
export interface TallyData {
  sent: number;
  expected: number;
  latencies: Float64Array;
}

/** Sends and receipts of one kind of message (document updates or awareness) in the measured window. */
export class Tally {
  readonly latency = new Samples();
  sent = 0;
  /** Receipts each send should produce: one per other client in the room. */
  expected = 0;

  recordSend(receivers: number): void {
    this.sent += 1;
    this.expected += receivers;
  }

  recordReceipt(latencyMs: number): void {
    this.latency.add(latencyMs);
  }

  toData(): TallyData {
    return { sent: this.sent, expected: this.expected, latencies: this.latency.toArray() };
  }

  merge(data: TallyData): void {
    this.sent += data.sent;
    this.expected += data.expected;
    this.latency.addAll(data.latencies);
  }

  get received(): number {
    return this.latency.count;
  }

  /** received / expected; 1 when nothing was expected. */
  get deliveryRatio(): number {
    return this.expected === 0 ? 1 : this.received / this.expected;
  }
}
