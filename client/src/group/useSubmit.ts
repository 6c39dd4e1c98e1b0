// One write from a form or button: ignores a second click while busy, and keeps the failure for the
// form to show next to the field the server named (or as a notice).
import { useCallback, useRef, useState } from 'react';

export interface Submit {
  busy: boolean;
  error: unknown;
  /** Runs `action`; on success hands its result to `onDone`, on failure keeps the error. */
  run<T>(action: () => Promise<T>, onDone?: (value: T) => void): void;
  clear(): void;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A ref as well as state: two clicks in one frame both see the state before either re-render.
  const busyRef = useRef(false);

  const run = useCallback(<T>(action: () => Promise<T>, onDone?: (value: T) => void) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    action().then(
      (value) => {
        busyRef.current = false;
        setBusy(false);
        onDone?.(value);
      },
      (err: unknown) => {
        busyRef.current = false;
        setBusy(false);
        setError(err);
      },
    );
  }, []);

  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
