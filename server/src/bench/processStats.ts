// CPU time and memory of another process, read from Linux's /proc, and of the bench process itself.
// CPU is reported as percent of one core over a window, so 100 % means one core fully busy.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** utime + stime in clock ticks from the text of /proc/<pid>/stat. */
export function parseStatCpuTicks(stat: string): number {
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses,
  // so count fields from the last ')'. After it come field 3 (state) onwards; utime and stime are
  // fields 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unreadable /proc stat line');
  return utime + stime;
}

/** VmRSS in bytes from the text of /proc/<pid>/status. */
export function parseStatusRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error('no VmRSS in /proc status');
  return Number(match[1]) * 1024;
}

/** Busy and total clock ticks of all cores together, from the first line of /proc/stat. */
export function parseProcStatTicks(stat: string): { busy: number; total: number } {
  const fields = (stat.split('\n')[0] ?? '').trim().split(/\s+/);
  if (fields[0] !== 'cpu') throw new Error('unreadable /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
  const ticks = fields.slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

/** Microseconds during which some task waited for a CPU, from /proc/pressure/cpu; null without PSI. */
export function parseCpuPressureMicros(pressure: string): number | null {
  const match = /^some .*total=(\d+)$/m.exec(pressure);
  return match?.[1] ? Number(match[1]) : null;
}

let clockTicksPerSecond: number | undefined;
function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      clockTicksPerSecond = Number.NaN;
    }
    // Linux has used 100 on every mainstream architecture for decades.
    if (!Number.isFinite(clockTicksPerSecond) || clockTicksPerSecond <= 0) clockTicksPerSecond = 100;
  }
  return clockTicksPerSecond;
}

export function readCpuSeconds(pid: number): number {
  return parseStatCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / ticksPerSecond();
}

export function readRssBytes(pid: number): number {
  return parseStatusRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

export interface ProcessUsage {
  /** Percent of one core over the window. */
  cpuPercent: number;
  peakRssBytes: number;
  endRssBytes: number;
}

/**
 * Samples a process from `start()` to `stop()`: CPU from the difference of two readings, peak RSS
 * from readings every `intervalMs` (VmHWM would include start-up and earlier runs).
 */
export class ProcessMonitor {
  private startCpu = 0;
  private startWall = 0;
  private peakRss = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.startCpu = readCpuSeconds(this.pid);
    this.startWall = performance.now();
    this.peakRss = readRssBytes(this.pid);
    this.timer = setInterval(() => this.sampleRss(), this.intervalMs);
  }

  stop(): ProcessUsage {
    clearInterval(this.timer);
    this.timer = undefined;
    const seconds = (performance.now() - this.startWall) / 1000;
    const cpu = readCpuSeconds(this.pid) - this.startCpu;
    const endRss = readRssBytes(this.pid);
    this.peakRss = Math.max(this.peakRss, endRss);
    return { cpuPercent: (cpu / seconds) * 100, peakRssBytes: this.peakRss, endRssBytes: endRss };
  }

  private sampleRss(): void {
    try {
      this.peakRss = Math.max(this.peakRss, readRssBytes(this.pid));
    } catch {
      // The process exited; stop() reports that.
    }
  }
}

export interface SelfUsage {
  /** Percent of one core, all threads of the bench together. */
  cpuPercent: number;
  /** How late the busiest load thread ran its timers (p99); large values mean latencies include bench queueing. */
  loopDelayP99Ms: number;
}

/** CPU of the whole bench process (every thread), so a reader can tell whether the load generator was saturated. */
export class SelfCpuMonitor {
  private startUsage = process.cpuUsage();
  private startWall = performance.now();

  start(): void {
    this.startUsage = process.cpuUsage();
    this.startWall = performance.now();
  }

  /** Percent of one core since start(). */
  stop(): number {
    const usage = process.cpuUsage(this.startUsage);
    const wallMs = performance.now() - this.startWall;
    return ((usage.user + usage.system) / 1000 / wallMs) * 100;
  }
}

/** How late this thread's event loop runs; measured per thread. */
export class LoopDelayMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
  }

  /** p99 delay in ms since start(). */
  stop(): number {
    this.histogram.disable();
    // The histogram counts nanoseconds.
    return this.histogram.percentile(99) / 1e6;
  }
}

export interface MachineUsage {
  cores: number;
  /** CPU used by every process on the machine, in percent of one core (so up to cores × 100). */
  busyPercent: number;
  /** Share of the window in which some task was ready to run but waited for a CPU; null without PSI. */
  cpuPressurePercent: number | null;
}

function readCpuPressure(): number | null {
  try {
    return parseCpuPressureMicros(readFileSync('/proc/pressure/cpu', 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The whole machine over a window, so that a number taken while other work ran on the same cores
 * says so: the bench and the server then compete with it for CPU, and queueing shows up as latency.
 */
export class MachineMonitor {
  private startTicks = { busy: 0, total: 0 };
  private startPressure: number | null = null;
  private startWall = 0;

  start(): void {
    this.startTicks = parseProcStatTicks(readFileSync('/proc/stat', 'utf8'));
    this.startPressure = readCpuPressure();
    this.startWall = performance.now();
  }

  stop(): MachineUsage {
    const ticks = parseProcStatTicks(readFileSync('/proc/stat', 'utf8'));
    const pressure = readCpuPressure();
    const wallMicros = (performance.now() - this.startWall) * 1000;
    const cores = availableParallelism();
    const busyShare = (ticks.busy - this.startTicks.busy) / Math.max(1, ticks.total - this.startTicks.total);
    return {
      cores,
      busyPercent: busyShare * cores * 100,
      cpuPressurePercent:
        pressure === null || this.startPressure === null ? null : ((pressure - this.startPressure) / wallMicros) * 100,
    };
  }
}
