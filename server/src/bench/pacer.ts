// Fires a callback at a mean rate with jitter, so that hundreds of clients do not send in lockstep.
// Due times are absolute (each gap is drawn around the mean and added to the previous due time), so
// a timer that fires late makes the next one earlier instead of lowering the rate — by at most one
// interval: a saturated event loop must not turn into a burst that would inflate latency.

export class Pacer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** Calls `fire` about `perSecond` times a second until stop(); gaps are uniform in [0.5, 1.5] × mean. */
  every(perSecond: number, fire: () => void): void {
    if (perSecond <= 0 || this.stopped) return;
    const meanMs = 1000 / perSecond;
    // A random phase spreads the first sends of all clients over one mean interval.
    let dueAt = performance.now() + Math.random() * meanMs;
    const tick = () => {
      this.timers.delete(timer);
      if (this.stopped) return;
      fire();
      dueAt = Math.max(dueAt, performance.now() - meanMs) + meanMs * (0.5 + Math.random());
      timer = setTimeout(tick, Math.max(0, dueAt - performance.now()));
      this.timers.add(timer);
    };
    let timer = setTimeout(tick, Math.max(0, dueAt - performance.now()));
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
