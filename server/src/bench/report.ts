// The bench's output: a Markdown table of every run, a summary per scenario (each target's medians
// and Vermeboard's over the fan-out bar), and Vermeboard's p99 and CPU as ratios of each other
// target's in the same scenario (the reference server, Hocuspocus, the bare relay). With several
// runs, the k-th run of every target in a scenario forms round k: a ratio is taken within a round,
// then the median over the rounds.
import type { HostileReport } from './hostile.js';
import type { KindResult, RunResult } from './scenario.js';
import { median } from './stats.js';
import type { TargetKind } from './targets.js';

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

interface Metric {
  name: string;
  /** NaN when the run does not tell (no pid to measure, nothing received). */
  of(run: RunResult): number;
}

const METRICS: readonly Metric[] = [
  { name: 'update p99', of: (run) => run.updates.latencyMs.p99 },
  { name: 'cursor p99', of: (run) => run.awareness.latencyMs.p99 },
  { name: 'server CPU', of: (run) => run.server?.cpuPercent ?? Number.NaN },
];

/** The targets Vermeboard is compared with, in the order of the summary's columns. */
const PEERS = ['reference', 'hocuspocus', 'relay'] as const;
/** The servers people would pick instead; the relay is the floor. */
const ALTERNATIVES = ['reference', 'hocuspocus'] as const;
/** The fan-out target: at most this share of the better alternative's figure… */
const ALTERNATIVE_SHARE = 0.8;
/** …or this multiple of the bare relay's, where that is higher. */
const FLOOR_MULTIPLE = 1.1;

type Round = Partial<Record<TargetKind, RunResult>>;

interface ScenarioRounds {
  scenario: string;
  targets: TargetKind[];
  rounds: Round[];
}

/** Each scenario run against Vermeboard and a peer, as rounds (the k-th run of every target). */
function scenarioRounds(runs: readonly RunResult[]): ScenarioRounds[] {
  const byScenario = new Map<string, Map<TargetKind, RunResult[]>>();
  for (const run of runs) {
    // Cluster runs have their own lines (clusterLines).
    if (run.target === 'cluster') continue;
    const targets = byScenario.get(run.scenario) ?? new Map<TargetKind, RunResult[]>();
    byScenario.set(run.scenario, targets);
    targets.set(run.target, [...(targets.get(run.target) ?? []), run]);
  }
  return [...byScenario].flatMap(([scenario, targets]) => {
    const own = targets.get('vermeboard') ?? [];
    if (own.length === 0 || !PEERS.some((peer) => targets.has(peer))) return [];
    const rounds = own.map((_, k) => Object.fromEntries([...targets].map(([kind, list]) => [kind, list[k]])) as Round);
    return [{ scenario, targets: [...targets.keys()], rounds }];
  });
}

/** The median over the rounds of a per-round figure, leaving out rounds where it is unknown. */
function medianOver(rounds: readonly Round[], figure: (round: Round) => number): number {
  return median(rounds.map(figure).filter((value) => Number.isFinite(value)));
}

const metricOf = (run: RunResult | undefined, metric: Metric) => (run ? metric.of(run) : Number.NaN);

/**
 * The fan-out bar from the peers' figures for one metric in one round (NaN for a peer that did not
 * run or cannot tell); NaN when none tells.
 */
export function fanOutBar(figures: Record<(typeof PEERS)[number], number>): number {
  const alternatives = ALTERNATIVES.map((kind) => figures[kind]).filter(Number.isFinite);
  const floor = figures.relay;
  const bars = [
    ...(alternatives.length > 0 ? [ALTERNATIVE_SHARE * Math.min(...alternatives)] : []),
    ...(Number.isFinite(floor) ? [FLOOR_MULTIPLE * floor] : []),
  ];
  return bars.length > 0 ? Math.max(...bars) : Number.NaN;
}

const roundBar = (round: Round, metric: Metric) =>
  fanOutBar({
    reference: metricOf(round.reference, metric),
    hocuspocus: metricOf(round.hocuspocus, metric),
    relay: metricOf(round.relay, metric),
  });

/** Everything sent in the window reached every peer, and every room converged. */
const complete = (run: RunResult) => run.updates.delivery >= 1 && run.awareness.delivery >= 1 && run.converged;
const INCOMPLETE = ' ⚠';

const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–');
const cpuCell = (percent: number) => (Number.isFinite(percent) ? `${percent.toFixed(0)} %` : '–');

/** How the bar reads for the targets that ran. */
function barRule(targets: readonly TargetKind[]): string {
  const alternatives = ALTERNATIVES.filter((kind) => targets.includes(kind));
  const better = `${ALTERNATIVE_SHARE}× ${alternatives.length > 1 ? 'the better of ' : ''}${alternatives.join(' and ')}`;
  const floor = `${FLOOR_MULTIPLE}× the bare relay`;
  if (!targets.includes('relay')) return better;
  return alternatives.length > 0 ? `${better}, or ${floor} where that is higher` : floor;
}

/**
 * Per scenario: each target's median update p99, cursor p99 and CPU, and Vermeboard's over the
 * fan-out bar (at most 0.8× the better of the reference server and Hocuspocus, or 1.1× the bare
 * relay where that is higher) for each metric; 1.00× or less meets it.
 */
export function summaryTable(runs: readonly RunResult[]): string[] {
  const scenarios = scenarioRounds(runs);
  if (scenarios.length === 0) return [];
  const peers = PEERS.filter((peer) => scenarios.some((scenario) => scenario.targets.includes(peer)));
  const cell = (rounds: readonly Round[], kind: TargetKind) => {
    if (!rounds.some((round) => round[kind])) return '–';
    const [update, cursor, cpu] = METRICS.map((metric) => medianOver(rounds, (round) => metricOf(round[kind], metric)));
    const mark = rounds.some((round) => round[kind] && !complete(round[kind])) ? INCOMPLETE : '';
    return `${ms(update ?? Number.NaN)} / ${ms(cursor ?? Number.NaN)}, ${cpuCell(cpu ?? Number.NaN)}${mark}`;
  };
  const header = [
    `| scenario | runs | vermeboard update / cursor p99 ms, CPU | ${peers.join(' | ')} | Vermeboard / bar: update p99 / cursor p99 / CPU |`,
    `|---|---|---|${peers.map(() => '---|').join('')}---|`,
  ];
  const rows = scenarios.map(({ scenario, rounds }) => {
    const load = rounds[0]?.vermeboard;
    const ratios = METRICS.map((metric) =>
      times(medianOver(rounds, (round) => metricOf(round.vermeboard, metric) / roundBar(round, metric))),
    );
    return (
      `| ${load ? describeLoad(load) : scenario} | ${rounds.length} | ${cell(rounds, 'vermeboard')} | ` +
      `${peers.map((peer) => cell(rounds, peer)).join(' | ')} | ${ratios.join(' / ')} |`
    );
  });
  const rules = [...new Set(scenarios.map((scenario) => barRule(scenario.targets)))];
  return [
    ...header,
    ...rows,
    '',
    `Each cell is the median over the runs; a ratio is taken within each round of interleaved runs, then ` +
      `the median. The bar is ${rules.join('; in some scenarios ')}; Vermeboard meets it at 1.00× or less.`,
    ...(rows.some((row) => row.includes(INCOMPLETE))
      ? [
          `${INCOMPLETE.trim()} In at least one run this target did not deliver everything before the bench stopped waiting, ` +
            `or its rooms did not converge: its p99 covers only what arrived, so the figure flatters it.`,
        ]
      : []),
  ];
}

/**
 * "small: Vermeboard / reference = 0.9× (update p99), 1.1× (cursor p99), 1.2× (server CPU)" for each
 * scenario run against Vermeboard and another target, medians over the rounds.
 */
export function ratioLines(runs: readonly RunResult[]): string[] {
  return scenarioRounds(runs).flatMap(({ scenario, targets, rounds }) =>
    PEERS.filter((peer) => targets.includes(peer)).map((peer) => {
      const ratios = METRICS.map((metric) => {
        const ratio = medianOver(rounds, (round) => metricOf(round.vermeboard, metric) / metricOf(round[peer], metric));
        return Number.isFinite(ratio) ? `${times(ratio)} (${metric.name})` : null;
      });
      const runsNote = rounds.length > 1 ? `, median of ${rounds.length} runs` : '';
      return `${scenario}: Vermeboard / ${peer} = ${ratios.filter((ratio) => ratio !== null).join(', ')}${runsNote}`;
    }),
  );
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
