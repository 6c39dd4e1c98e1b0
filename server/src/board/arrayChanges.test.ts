import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { arrayEntryChanges } from './arrayChanges.js';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Seen {
  expected: { added: unknown[]; deleted: unknown[] };
  actual: { added: unknown[]; deleted: unknown[] };
}

/** Observes `doc`'s array both ways and collects what each said per transaction. */
function watch(doc: Y.Doc): Seen[] {
  const seen: Seen[] = [];
  const array = doc.getArray<unknown>('records');
  array.observe((event) => {
    // Ours first: event.changes must not have run (it caches), to compare against a fresh walk.
    const actual = arrayEntryChanges(array, event.transaction);
    const contentOf = (items: Set<Y.Item>) =>
      [...items].flatMap((item) => (item.content instanceof Y.ContentAny ? item.content.arr : []));
    seen.push({
      actual,
      expected: { added: contentOf(event.changes.added), deleted: contentOf(event.changes.deleted) },
    });
  });
  return seen;
}

const sorted = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort();

describe('arrayEntryChanges', () => {
  it('finds what event.changes finds, over random edits from several clients and merged updates', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const observer = new Y.Doc();
      const seen = watch(observer);
      let counter = 0;
      const pending: Uint8Array[] = [];
      for (const w of writers) w.on('update', (u: Uint8Array) => pending.push(u));
      for (let step = 0; step < 60; step++) {
        const writer = writers[Math.floor(next() * writers.length)]!;
        const array = writer.getArray<unknown>('records');
        writer.transact(() => {
          const ops = 1 + Math.floor(next() * 3);
          for (let k = 0; k < ops; k++) {
            const r = next();
            if (r < 0.45 || array.length === 0) {
              const n = 1 + Math.floor(next() * 3);
              array.push(Array.from({ length: n }, () => ({ key: `k${counter % 7}`, n: counter++ })));
            } else if (r < 0.6) {
              array.insert(Math.floor(next() * array.length), [{ key: 'mid', n: counter++ }]);
            } else {
              const at = Math.floor(next() * array.length);
              array.delete(at, Math.min(array.length - at, 1 + Math.floor(next() * 3)));
            }
          }
        });
        // Writers learn each other's changes now and then; the observer gets single or merged updates.
        if (next() < 0.3) {
          const merged = Y.mergeUpdates(pending);
          for (const w of writers) Y.applyUpdate(w, merged);
        }
        if (next() < 0.4 && pending.length > 0) {
          const batch = pending.splice(0, pending.length);
          if (next() < 0.5) Y.applyUpdate(observer, Y.mergeUpdates(batch));
          else for (const u of batch) Y.applyUpdate(observer, u);
        }
      }
      Y.applyUpdate(observer, Y.mergeUpdates(pending));
      expect(seen.length).toBeGreaterThan(5);
      for (const { actual, expected } of seen) {
        expect(sorted(actual.added)).toEqual(sorted(expected.added));
        expect(sorted(actual.deleted)).toEqual(sorted(expected.deleted));
      }
    }
  });

  it('leaves out an entry inserted and deleted in one transaction, and another type’s entries', () => {
    const doc = new Y.Doc();
    const seen = watch(doc);
    const array = doc.getArray<unknown>('records');
    array.push([{ key: 'a' }, { key: 'b' }]);
    doc.transact(() => {
      array.push([{ key: 'c' }]);
      array.delete(2, 1);
      array.delete(0, 1);
      doc.getArray<unknown>('other').push([{ key: 'z' }]);
    });
    expect(seen.at(-1)!.actual).toEqual({ added: [], deleted: [{ key: 'a' }] });
    expect(seen.at(-1)!.expected).toEqual({ added: [], deleted: [{ key: 'a' }] });
  });
});
