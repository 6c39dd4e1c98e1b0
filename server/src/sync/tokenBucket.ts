// A token bucket: holds up to `capacity` tokens and refills them evenly at `perSecond`. Taking more
// than it holds fails and takes nothing, so a refused request costs the caller nothing later.
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  static perSecond(capacity: number, perSecond: number, now?: () => number): TokenBucket {
    return new TokenBucket(capacity, perSecond / 1000, now);
  }

  /** Takes `amount` tokens; false (and nothing taken) when the bucket holds fewer. */
  take(amount = 1): boolean {
    this.refill();
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /** Whether the bucket is full, i.e. says nothing a fresh one would not. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (t - this.updatedAt) * this.perMs);
    this.updatedAt = t;
  }
}
