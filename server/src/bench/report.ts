// The bench's output: a Markdown table ready for the README, and Vermeboard's p99 and CPU as ratios
// of each other target's in the same scenario (the reference server, the bare relay).
import type { HostileReport } from './hostile.js';
import type { KindResult, RunResult } from './scenario.js';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio < 1 && ratio > 0.9995 ? 2 : 1)}`;
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(0);
const latencies = (kind: KindResult) =>
  `${ms(kind.latencyMs.p50)} / ${ms(kind.latencyMs.p95)} / ${ms(kind.latencyMs.p99)}`;

function describeLoad(run: RunResult): string {
  const { rooms, clients, updates, cursors } = run.params;
  return `${run.scenario} (${rooms}×${clients}, ${updates}+${cursors}/s)`;
}

/** `cluster` runs are on PostgreSQL, with Redis between the instances when there are several. */
function targetLabel(run: RunResult): string {
  if (run.target !== 'cluster') return run.target;
  return run.instances === 1 ? 'PostgreSQL, 1 instance' : `PostgreSQL + Redis, ${run.instances} instances`;
}

export function markdownTable(runs: readonly RunResult[]): string {
  const header = [
    '| scenario | target | update p50 / p95 / p99 ms | awareness p50 / p95 / p99 ms | delivery % (upd / aw) | converged | server CPU % | server RSS MB (peak / end) | bench CPU % |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const rows = runs.map((run) => {
    const converged =
      run.freshMismatchRooms === null ? `${run.converged ? 'yes' : 'no'} (peers)` : run.converged ? 'yes' : 'no';
    const cpu = run.server ? run.server.cpuPercent.toFixed(0) : '–';
    const rss = run.server ? `${mb(run.server.peakRssBytes)} / ${mb(run.server.endRssBytes)}` : '–';
    return (
      `| ${describeLoad(run)} | ${targetLabel(run)} | ${latencies(run.updates)} | ${latencies(run.awareness)} | ` +
      `${percent(run.updates.delivery)} / ${percent(run.awareness.delivery)} | ${converged} | ${cpu} | ${rss} | ` +
      `${run.bench.cpuPercent.toFixed(0)} |`
    );
  });
  return [...header, ...rows].join('\n');
}

/**
 * "small: Vermeboard / reference = 0.9× (update p99), 1.1× (awareness p99), 1.2× (server CPU)" for
 * each scenario run against Vermeboard and another target.
 */
export function ratioLines(runs: readonly RunResult[]): string[] {
  const lines: string[] = [];
  for (const server of runs.filter((run) => run.target === 'vermeboard')) {
    for (const peer of runs.filter((run) => run.target !== 'vermeboard' && run.scenario === server.scenario)) {
      const ratio = (a: KindResult, b: KindResult) => (a.latencyMs.p99 / b.latencyMs.p99).toFixed(2);
      const cpu =
        server.server && peer.server
          ? `, ${(server.server.cpuPercent / peer.server.cpuPercent).toFixed(2)}× (server CPU)`
          : '';
      lines.push(
        `${server.scenario}: Vermeboard / ${peer.target} = ${ratio(server.updates, peer.updates)}× (update p99), ` +
          `${ratio(server.awareness, peer.awareness)}× (awareness p99)${cpu}`,
      );
    }
  }
  return lines;
}

/**
 * "small: 2 instances p99 / 1 instance p99 = 1.3× (updates), …": what relaying between instances
 * costs, for each scenario run on the cluster target at one and at several instances.
 */
export function clusterLines(runs: readonly RunResult[]): string[] {
  const lines: string[] = [];
  const cluster = runs.filter((run) => run.target === 'cluster');
  for (const spread of cluster.filter((run) => run.instances > 1)) {
    const single = cluster.find((run) => run.instances === 1 && run.scenario === spread.scenario);
    if (!single) continue;
    const ratio = (a: KindResult, b: KindResult) => (a.latencyMs.p99 / b.latencyMs.p99).toFixed(2);
    const extra = (a: KindResult, b: KindResult) => ms(a.latencyMs.p50 - b.latencyMs.p50);
    lines.push(
      `${spread.scenario}: ${spread.instances} instances p99 / 1 instance p99 = ${ratio(spread.updates, single.updates)}× ` +
        `(updates), ${ratio(spread.awareness, single.awareness)}× (awareness); p50 +${extra(spread.updates, single.updates)} ms ` +
        `(updates), +${extra(spread.awareness, single.awareness)} ms (awareness)`,
    );
  }
  return lines;
}

/** The hostile-neighbour figure: how much the quiet room's p99 grew beside the flood (the target is at most 2×). */
export function hostileLine(alone: RunResult, beside: RunResult, hostile: HostileReport): string {
  const ratio = (kind: 'updates' | 'awareness') => (beside[kind].latencyMs.p99 / alone[kind].latencyMs.p99).toFixed(2);
  const closes = Object.entries(hostile.closes).map(([code, n]) => `${n}× ${code}`);
  return (
    `hostile neighbour: quiet room p99 beside / alone = ${ratio('updates')}× (updates), ${ratio('awareness')}× ` +
    `(awareness); the hostile member sent ${hostile.sent} frames, its sockets were closed ` +
    `${closes.length > 0 ? closes.join(', ') : 'never'}`
  );
}

/** Anything a reader must know to trust the row: lost sockets, bad frames, server warnings. */
export function warnings(runs: readonly RunResult[]): string[] {
  const lines: string[] = [];
  for (const run of runs) {
    const where = `${run.scenario}/${run.target}`;
    const closes = Object.entries(run.unexpectedCloses);
    if (closes.length > 0)
      lines.push(`${where}: sockets closed by the target: ${closes.map(([code, n]) => `${n}× ${code}`).join(', ')}`);
    for (const [name, kind] of [
      ['updates', run.updates],
      ['cursor updates', run.awareness],
    ] as const) {
      // The pacer's jitter alone moves the count by a few percent.
      if (kind.sent < kind.planned * 0.9) {
        lines.push(`${where}: the bench sent ${kind.sent} of ${kind.planned} planned ${name} — it could not keep up`);
      }
    }
    if (run.badFrames > 0) lines.push(`${where}: ${run.badFrames} frames failed to parse or apply`);
    if (run.divergentRooms > 0) lines.push(`${where}: ${run.divergentRooms} rooms ended with differing documents`);
    if (run.freshMismatchRooms)
      lines.push(`${where}: in ${run.freshMismatchRooms} rooms a late joiner got a different document`);
    if (run.targetLog.lines > 0)
      lines.push(`${where}: target logged ${run.targetLog.lines} lines, last: ${run.targetLog.tail.join(' | ')}`);
    const others = run.machine.busyPercent - run.bench.cpuPercent - (run.server?.cpuPercent ?? 0);
    const pressure = run.machine.cpuPressurePercent;
    if (others > 15 || (pressure ?? 0) > 10) {
      lines.push(
        `${where}: other processes used ${others.toFixed(0)} % of a core on this ${run.machine.cores}-core machine` +
          (pressure === null ? '' : ` and tasks waited for a CPU ${pressure.toFixed(0)} % of the time`) +
          ' — the numbers include that contention',
      );
    }
    if (run.bench.cpuPercent > 85 || run.bench.loopDelayP99Ms > 50) {
      lines.push(
        `${where}: the bench used ${run.bench.cpuPercent.toFixed(0)} % of a core and its event loop ran up to ` +
          `${run.bench.loopDelayP99Ms.toFixed(0)} ms late (p99) — latencies include the bench's own queueing`,
      );
    }
  }
  return lines;
}
