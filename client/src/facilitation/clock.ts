// This browser's view of the server's clock. Timers in the session store server times, so every
// screen computes the same remaining time only if each corrects for its own clock's offset. The
// offset is estimated from a few `GET /api/time` round trips (estimateClockOffset) and estimated
// again after a reconnect, when a laptop waking from sleep may have drifted or been corrected.
import { atom, type Signal } from 'tldraw';
import { estimateClockOffset, type ClockOffset, type ClockSample } from '@vermeboard/shared';

export interface ServerClock {
  /** Server time now, in ms since the epoch, as well as this browser can tell. */
  now(): number;
  offset: Signal<ClockOffset | null>;
  /** Takes fresh samples; concurrent calls share one run. */
  resync(): Promise<void>;
}

export interface ServerClockOptions {
  fetchServerTime: () => Promise<number>;
  samples?: number;
  localNow?: () => number;
}

export function createServerClock({
  fetchServerTime,
  samples = 5,
  localNow = Date.now,
}: ServerClockOptions): ServerClock {
  const offset = atom<ClockOffset | null>('server clock offset', null);
  let running: Promise<void> | null = null;

  const sample = async (): Promise<ClockSample[]> => {
    const taken: ClockSample[] = [];
    // One after another: parallel requests queue behind each other and inflate every round trip.
    for (let i = 0; i < samples; i++) {
      const clientSentAt = localNow();
      try {
        const serverTime = await fetchServerTime();
        taken.push({ clientSentAt, serverTime, clientReceivedAt: localNow() });
      } catch {
        // A lost sample is only a smaller sample; the others still give an estimate.
      }
    }
    return taken;
  };

  return {
    now: () => localNow() + (offset.get()?.offsetMs ?? 0),
    offset,
    resync() {
      running ??= sample()
        .then((taken) => {
          const estimate = estimateClockOffset(taken);
          // Without any answer the previous estimate is still the best one.
          if (estimate !== null) offset.set(estimate);
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
