// @tldraw/state-react with a `useValue` that reads its value before React takes the snapshot.
// tldraw's `useValue(name, fn, deps)` builds a computed and hands React its `lastChangedEpoch` as the
// store snapshot, but only evaluates the computed after `useSyncExternalStore` has read that
// snapshot: on mount React sees "never computed", then a real epoch once subscribed, and renders the
// component a second time for nothing. Every tldraw component with a `useValue` did that, every note
// of a board among them, which doubled the cost of showing a big board. Evaluating first gives React
// the epoch it will see when it subscribes; a value that really changes in between still re-renders.
// The build resolves `@tldraw/state-react` to this module for every importer but this one (vite.config.ts).
import { useMemo, useSyncExternalStore } from 'react';
import { computed, react, type Signal } from '@tldraw/state';

export * from '@tldraw/state-react';

export function useValue<Value>(value: Signal<Value>): Value;
export function useValue<Value>(name: string, fn: () => Value, deps: unknown[]): Value;
export function useValue<Value>(...args: [Signal<Value>] | [string, () => Value, unknown[]]): Value {
  const deps = args.length === 3 ? args[2] : [args[0]];
  const name = args.length === 3 ? args[0] : `useValue(${args[0].name})`;
  const { $val, subscribe, getSnapshot } = useMemo(() => {
    const $val = args.length === 1 ? args[0] : computed(name, args[1]);
    return {
      $val,
      subscribe: (notify: () => void) =>
        react(`useValue(${name})`, () => {
          try {
            $val.get();
          } catch {
            // Thrown again below, while rendering, if the component is still mounted.
          }
          notify();
        }),
      getSnapshot: () => $val.lastChangedEpoch,
    };
    // The same dependencies as tldraw's own useValue: the computed is rebuilt when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  try {
    $val.__unsafe__getWithoutCapture();
  } catch {
    // Thrown again below, after the hook order is settled.
  }
  useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return $val.__unsafe__getWithoutCapture();
}
