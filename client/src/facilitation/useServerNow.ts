// Re-renders a few times a second with the server's time, for countdowns.
import { useEffect, useState } from 'react';
import type { ServerClock } from './clock.js';

export function useServerNow(clock: ServerClock, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    if (!active) return;
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, active, intervalMs]);
  return now;
}
