// The live JavaScript heap of a server child, from a heap snapshot: Node writes one on SIGUSR2 when
// started with `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>`, after a full collection, so
// its total is what is kept alive — unlike RSS, which also holds free heap pages the garbage
// collector has not handed back.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The NODE_OPTIONS that let `liveHeapBytes` take snapshots into `dir`. */
export const heapSnapshotOptions = (dir: string) => `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sum of the self sizes of every node in a heap snapshot's JSON. */
export function snapshotBytes(json: string): number {
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const size = fields.indexOf('self_size');
  let total = 0;
  for (let i = size; i < snapshot.nodes.length; i += fields.length) total += snapshot.nodes[i]!;
  return total;
}

/** Signals `pid` to write a snapshot into `dir`, waits until it is complete, and returns its total. */
export async function liveHeapBytes(pid: number, dir: string, timeoutMs = 120_000): Promise<number> {
  const snapshots = () => readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot'));
  const before = new Set(snapshots());
  process.kill(pid, 'SIGUSR2');
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    await sleep(500);
    const file = snapshots().find((f) => !before.has(f));
    if (!file) continue;
    const path = join(dir, file);
    // The file is written as the snapshot is serialised; it is whole when it parses.
    const size = statSync(path).size;
    await sleep(500);
    if (size === 0 || statSync(path).size !== size) continue;
    try {
      const bytes = snapshotBytes(readFileSync(path, 'utf8'));
      rmSync(path);
      return bytes;
    } catch {
      // not complete yet
    }
  }
  throw new Error(`no heap snapshot from ${pid} within ${timeoutMs} ms`);
}
