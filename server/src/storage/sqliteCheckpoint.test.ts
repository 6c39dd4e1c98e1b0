import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from '../cluster/clusterProcesses.testkit.js';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointResult } from './sqliteCheckpoint.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './Storage.js';

const dirs: string[] = [];
const open: Storage[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vb-checkpoint-'));
  dirs.push(dir);
  return join(dir, 'test.sqlite');
}

const walBytes = (file: string) => statSync(`${file}-wal`).size;
const update = (i: number) => new Uint8Array(4096).fill(i % 251);

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('checkpoints on a worker thread', () => {
  it('starts a log over that writes never let restart by itself', async () => {
    const file = fileIn();
    const checkpoints: CheckpointResult[] = [];
    const storage = openSqliteStorage(file, {
      checkpointIntervalMs: 10,
      checkpointRestartFrames: 1000,
      onCheckpoint: (r) => checkpoints.push(r),
    });
    open.push(storage);
    await until(() => checkpoints.length > 0);
    // A commit every turn for over a second, as under load: one lands during every checkpoint.
    const deadline = Date.now() + 1500;
    let i = 0;
    while (Date.now() < deadline) {
      await storage.appendUpdates('bench/doc', [update(i++)]);
      // Compaction's transaction reads before it writes: a checkpoint that took the write lock
      // meanwhile (a RESTART on the worker) failed it with SQLITE_BUSY at once.
      await storage.appendUpdates('bench/other', [update(i)]);
      if (i % 25 === 0) await storage.compact('bench/other', async (rows) => rows.at(-1)!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => checkpoints.some((c) => c.restarted));
    // Without the forced restart the log never starts over and no result says restarted (the wait
    // above times out); with it, the log is started over whenever the write lock is free.
    const peak = Math.max(...checkpoints.map((c) => c.log));
    expect(peak).toBeLessThan(20_000);
    expect(walBytes(file)).toBeLessThan(20_000 * 4096);
    await storage.close();
    open.length = 0;
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = 'bench/doc'").get() as
      { n: number } | undefined;
    reader.close();
    expect(rows?.n).toBe(i);
  });

  it('closes cleanly: the last connection removes the log', async () => {
    const file = fileIn();
    const storage = openSqliteStorage(file, { checkpointIntervalMs: 50 });
    await storage.appendUpdates('bench/doc', [update(1)]);
    await storage.close();
    expect(() => statSync(`${file}-wal`)).toThrow();
  });

  it('lets a script whose last work is closing the storage finish it and exit cleanly', async () => {
    // The worker does not keep a process alive; closing it must, or the script exits mid-close
    // (code 13, an unsettled top-level await). Tools and tests open the file this way.
    await buildServer();
    const file = fileIn();
    const module = pathToFileURL(join(import.meta.dirname, '../../dist/storage/sqlite.js')).href;
    const script = `
      const { openSqliteStorage } = await import(${JSON.stringify(module)});
      const storage = openSqliteStorage(${JSON.stringify(file)});
      await storage.appendUpdates('bench/doc', [new Uint8Array(8)]);
      await storage.close();
      process.stdout.write('closed');
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out).toBe('closed');
  }, 120_000);
});
