// Child processes the bench starts (the server under test, the relay) and the data directories it
// gives them. Every one is registered here and killed or removed when the bench exits, on Ctrl-C,
// or on an uncaught error, so a run never leaves a server or a database behind.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let cleanupInstalled = false;

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A fresh directory under the system's temp dir, removed by `removeTempDir` or when the bench exits. */
export function makeTempDir(prefix: string): string {
  installChildCleanup();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Installs the exit and signal handlers once. */
export function installChildCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

export interface TargetOutput {
  lines: number;
  tail: string[];
}

/** Output lines a child wrote, the last `RECENT_LINES` of them kept for error messages. */
const RECENT_LINES = 40;

export class NodeChild {
  readonly process: ChildProcess;
  readonly recent: string[] = [];
  /** Every line written to stdout or stderr (the server logs at warn, so each is worth a look). */
  lines = 0;
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly exited: Promise<number | null>;

  constructor(
    readonly label: string,
    script: string,
    env: NodeJS.ProcessEnv,
    options: { ipc?: boolean; cwd?: string } = {},
  ) {
    installChildCleanup();
    // BENCH_PROFILE_DIR: every process the bench starts writes a CPU profile there when it exits
    // (--cpu-prof is not allowed in NODE_OPTIONS). Open them in Chrome DevTools or speedscope.
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    const profile = profileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          `--cpu-prof-name=${label.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`,
        ]
      : [];
    this.process = spawn(process.execPath, [...profile, script], {
      env,
      cwd: options.cwd,
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    live.add(this.process);
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code) => {
        live.delete(this.process);
        resolve(code);
      });
    });
    for (const stream of [this.process.stdout, this.process.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.lines += 1;
        this.recent.push(line);
        if (this.recent.length > RECENT_LINES) this.recent.shift();
        for (const listener of this.lineListeners) listener(line);
      });
    }
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error(`${this.label} did not start`);
    return this.process.pid;
  }

  get hasExited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** Resolves with the first output line `parse` accepts; rejects if the child exits or time runs out. */
  waitForLine<T>(parse: (line: string) => T | null, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = (finish: () => void) => {
        clearTimeout(timer);
        this.lineListeners.delete(listener);
        finish();
      };
      const listener = (line: string) => {
        const value = parse(line);
        if (value !== null) done(() => resolve(value));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`${this.label} not ready in ${timeoutMs} ms`))),
        timeoutMs,
      );
      this.lineListeners.add(listener);
      void this.exited.then((code) =>
        done(() => reject(new Error(`${this.label} exited with ${code}\n${this.tail()}`))),
      );
    });
  }

  /** Rejects as soon as the child exits; for racing against a readiness probe. */
  exitedEarly(): Promise<never> {
    return this.exited.then((code) => {
      throw new Error(`${this.label} exited with ${code}\n${this.tail()}`);
    });
  }

  tail(): string {
    return this.recent.join('\n');
  }

  /** Lines written after the first `mark` lines, and the last few of them. */
  outputSince(mark: number): TargetOutput {
    const lines = this.lines - mark;
    return { lines, tail: this.recent.slice(Math.max(0, this.recent.length - lines)).slice(-5) };
  }

  /** SIGTERM (a graceful shutdown flushes pending writes), then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.hasExited) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
