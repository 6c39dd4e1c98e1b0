// `npm run bench`: runs the load scenarios against the Vermeboard server and the servers it is
// compared with (the reference y-websocket server, Hocuspocus, a bare relay), and prints a Markdown
// table for the README. See `--help`.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { checksCostLines, measureChecksCost } from './checksCost.js';
import { installChildCleanup } from './children.js';
import { hostileLoad, startHostile, type HostileReport } from './hostile.js';
import { memoryDefaults, memoryLines, runMemory, type MemoryParams } from './memory.js';
import { clusterLines, hostileLine, markdownTable, ratioLines, summaryTable, warnings } from './report.js';
import type { LoadParams, RunResult } from './scenario.js';
import { runLoad } from './scenario.js';
import type { Target, TargetKind } from './targets.js';
import {
  startClusterTarget,
  startHocuspocusTarget,
  startReferenceTarget,
  startRelayTarget,
  startServerTarget,
  urlTarget,
} from './targets.js';

const USAGE = `Usage: node server/dist/bench/main.js [options]

  --scenario small|large|hostile|memory|all   small = 1 room × 30 clients, large = 50 rooms × 8
                               clients, hostile = a quiet room of 8 measured alone, then beside a
                               room whose member floods it at the per-connection limits, memory =
                               the server's RSS across 100,000 malformed frames and what an idle
                               room of 8 costs (hostile and memory: Vermeboard only; all = the
                               first three)
  --fuzz-frames N              memory: malformed frames to send (default 100000)
  --fuzz-rooms N               memory: rooms the frames go to in turn, 50 to one before the next, so
                               that each is loaded, lingers and unloads again (default 200; 1 = one
                               room)
  --idle-rooms N               memory: idle rooms of 8 clients to measure (default 25)
  --rooms R --clients C        run one custom scenario instead
  --updates U                  document updates per client per second (default 2)
  --cursors K                  cursor (awareness) updates per client per second (default 10)
  --seconds D                  measured seconds per run (default 20)
  --warmup W                   seconds of load before measuring (default 5)
  --workers N                  threads that run the clients (default: cores, at most 4)
  --target T[,T…]              what to run against: vermeboard, reference (the y-websocket server,
                               in memory), hocuspocus (without persistence), relay, or all
                               (default vermeboard,relay)
  --runs N                     run each scenario N times against every target, interleaved
                               (default 1); the summary gives medians over the runs
  --instances N                also run each scenario on PostgreSQL with 1 instance and with N
                               instances sharing documents through Redis (REDIS_URL, default the
                               local one; BENCH_DATABASE_URL names the PostgreSQL server), a room's
                               clients spread over the instances, and report what that costs
  --url http://host:port       use a running server instead of starting one (each client joins
                               its room by name: the server must allow rooms × clients joins and
                               API calls, e.g. RATE_LIMIT_JOINS_PER_LINK_PER_HOUR and
                               RATE_LIMIT_API_PER_MINUTE of 100000)
  --pid N                      with --url: the server's pid, to report its CPU and memory
  --allow-remote               let --url point at a host other than this machine
  --json out.json              also write every result as JSON
  --checks                     measure what the board checks cost per update, in-process, and stop
`;

const SCENARIOS: Record<string, Pick<LoadParams, 'rooms' | 'clients'>> = {
  small: { rooms: 1, clients: 30 },
  large: { rooms: 50, clients: 8 },
  hostile: { rooms: 1, clients: 8 },
};
const HOSTILE = 'hostile';
const MEMORY = 'memory';

interface Options {
  scenarios: { name: string; params: LoadParams }[];
  targets: TargetKind[];
  /** Rounds of each scenario over every target. */
  runs: number;
  url: string | null;
  pid: number | null;
  /** 0: no cluster runs; N: also PostgreSQL with 1 and with N instances. */
  instances: number;
  json: string | null;
  checks: boolean;
  memory: MemoryParams | null;
}

function positive(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got ${raw}`);
  }
  return value;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'all' },
      rooms: { type: 'string' },
      clients: { type: 'string' },
      updates: { type: 'string' },
      cursors: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      workers: { type: 'string' },
      target: { type: 'string', default: 'vermeboard,relay' },
      runs: { type: 'string' },
      instances: { type: 'string' },
      url: { type: 'string' },
      pid: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
      json: { type: 'string' },
      checks: { type: 'boolean', default: false },
      'fuzz-frames': { type: 'string' },
      'fuzz-rooms': { type: 'string' },
      'idle-rooms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;

  const rates = {
    updates: positive('updates', values.updates, 2, false),
    cursors: positive('cursors', values.cursors, 10, false),
    seconds: positive('seconds', values.seconds, 20, false),
    warmup: positive('warmup', values.warmup, 5, false),
    workers: positive('workers', values.workers, Math.min(4, availableParallelism()), true),
  };
  if (rates.seconds === 0) throw new Error('--seconds must be more than 0');
  if (rates.workers === 0) throw new Error('--workers must be at least 1');

  let scenarios: Options['scenarios'];
  let memory: MemoryParams | null = null;
  if (values.scenario === MEMORY) {
    memory = {
      ...memoryDefaults,
      frames: positive('fuzz-frames', values['fuzz-frames'], memoryDefaults.frames, true),
      rooms: positive('idle-rooms', values['idle-rooms'], memoryDefaults.rooms, true),
      fuzzRooms: positive('fuzz-rooms', values['fuzz-rooms'], memoryDefaults.fuzzRooms, true),
    };
    if (memory.fuzzRooms < 1) throw new Error('--fuzz-rooms must be at least 1');
    scenarios = [];
  } else if (values.rooms !== undefined || values.clients !== undefined) {
    const rooms = positive('rooms', values.rooms, 1, true);
    const clients = positive('clients', values.clients, 30, true);
    if (rooms < 1 || clients < 2) throw new Error('a scenario needs at least 1 room and 2 clients');
    scenarios = [{ name: 'custom', params: { rooms, clients, ...rates } }];
  } else {
    const names = values.scenario === 'all' ? Object.keys(SCENARIOS) : [values.scenario];
    scenarios = names.map((name) => {
      const shape = SCENARIOS[name];
      if (!shape) throw new Error(`unknown --scenario ${name} (small, large, hostile, memory or all)`);
      return { name, params: { ...shape, ...rates } };
    });
  }

  const targets = parseTargets(values.target);
  const runs = positive('runs', values.runs, 1, true);
  if (runs === 0) throw new Error('--runs must be at least 1');

  let url: string | null = null;
  if (values.url !== undefined) {
    const parsed = new URL(values.url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error('--url must be http(s)://host:port');
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    // A load generator aimed at someone else's host by a typo is an attack; make it deliberate.
    if (!loopback && !values['allow-remote'])
      throw new Error(`--url ${parsed.hostname} is not this machine; add --allow-remote`);
    url = parsed.origin;
  }
  const pid = values.pid === undefined ? null : positive('pid', values.pid, 0, true);
  if (pid !== null && url === null) throw new Error('--pid only goes with --url');
  const instances = positive('instances', values.instances, 0, true);
  if (instances === 1) throw new Error('--instances needs at least 2 (the run on 1 instance comes with it)');
  if (instances > 1 && url !== null) throw new Error('--instances starts its own servers; it does not go with --url');
  return { scenarios, targets, runs, url, pid, instances, json: values.json ?? null, checks: values.checks, memory };
}

const TARGETS: readonly TargetKind[] = ['vermeboard', 'reference', 'hocuspocus', 'relay'];

function parseTargets(raw: string): TargetKind[] {
  if (raw === 'all') return [...TARGETS];
  // "both" was the old default's name.
  if (raw === 'both') return ['vermeboard', 'relay'];
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(TARGETS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`unknown --target ${unknown.join(',')} (${TARGETS.join(', ')} or all, comma-separated)`);
  }
  return [...new Set(names as TargetKind[])];
}

/** With `participants`, a Vermeboard target has that many members join each room by name (provision.ts). */
async function openTarget(
  kind: TargetKind,
  rooms: number,
  options: Options,
  instances = 1,
  participants = 0,
): Promise<Target> {
  if (kind === 'relay') return startRelayTarget(rooms);
  if (kind === 'reference') return startReferenceTarget(rooms);
  if (kind === 'hocuspocus') return startHocuspocusTarget(rooms);
  if (kind === 'cluster') return startClusterTarget(rooms, instances, participants);
  return options.url
    ? urlTarget(options.url, rooms, options.pid, participants)
    : startServerTarget(rooms, false, participants);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The quiet room alone, then the same load in it while a member of another room on the same server
 * floods theirs (hostile.ts); the two runs go into `runs`, and the returned line compares them.
 */
async function runHostileNeighbour(params: LoadParams, options: Options, runs: RunResult[]): Promise<string> {
  const { connections, updatesPerSecond, updateBytes } = hostileLoad;
  process.stderr.write(
    `▶ hostile neighbour: a quiet room of ${params.clients} clients alone, then beside a member flooding ` +
      `their room over ${connections} connections (${updatesPerSecond} × ${updateBytes} B updates/s each, ` +
      `plus presence, sync step 1 and awareness queries at their budgets)\n`,
  );
  const target = await openTarget('vermeboard', 2, options);
  try {
    const quiet = { ...target, roomUrls: target.roomUrls.slice(0, 1) };
    const alone = await runLoad('quiet room alone', quiet, params);
    runs.push(alone);
    const hostile = startHostile(target.roomUrls[1]!);
    let beside: RunResult;
    let report: HostileReport;
    try {
      // Let the flood reach its pace (and the server its first compactions) before measuring.
      await sleep(2000);
      beside = await runLoad('quiet room beside a hostile one', quiet, params);
    } finally {
      report = await hostile.stop();
    }
    runs.push(beside);
    return hostileLine(alone, beside, report);
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.checks) {
    process.stdout.write(`${checksCostLines(measureChecksCost()).join('\n')}\n`);
    return;
  }
  installChildCleanup();
  if (options.memory) {
    const params = options.memory;
    process.stderr.write(
      `▶ memory: ${params.frames} malformed frames over ${params.fuzzRooms} rooms, then ${params.rooms} idle rooms × ${params.clientsPerRoom} clients\n`,
    );
    const target = options.url
      ? await openTarget('vermeboard', params.fuzzRooms + params.rooms, options)
      : await startServerTarget(params.fuzzRooms + params.rooms, true);
    try {
      const report = await runMemory(target, params, (line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`${memoryLines(report).join('\n')}\n`);
      if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await target.close();
    }
    return;
  }

  const runs: RunResult[] = [];
  const neighbours: string[] = [];
  for (const { name, params } of options.scenarios) {
    if (name === HOSTILE) {
      if (options.targets.includes('vermeboard')) neighbours.push(await runHostileNeighbour(params, options, runs));
      continue;
    }
    const runsOf: { kind: TargetKind; instances: number }[] = options.targets.map((kind) => ({ kind, instances: 1 }));
    if (options.instances > 1)
      runsOf.push({ kind: 'cluster', instances: 1 }, { kind: 'cluster', instances: options.instances });
    // Round after round over every target, so that a change in the machine's load spreads over all.
    for (let round = 1; round <= options.runs; round++) {
      for (const { kind, instances } of runsOf) {
        const on = kind === 'cluster' ? `PostgreSQL × ${instances} instance${instances > 1 ? 's' : ''}` : kind;
        const of = options.runs > 1 ? ` (run ${round} of ${options.runs})` : '';
        process.stderr.write(
          `▶ ${name} against ${on}${of}: ${params.rooms} rooms × ${params.clients} clients, ` +
            `${params.updates} updates/s + ${params.cursors} cursors/s each, ${params.warmup} s warm-up + ${params.seconds} s measured\n`,
        );
        const target = await openTarget(kind, params.rooms, options, instances, params.clients);
        try {
          const run = await runLoad(name, target, params);
          runs.push(run);
          process.stderr.write(
            `  updates p99 ${run.updates.latencyMs.p99.toFixed(1)} ms, awareness p99 ${run.awareness.latencyMs.p99.toFixed(1)} ms, ` +
              `delivery ${(run.updates.delivery * 100).toFixed(2)} % / ${(run.awareness.delivery * 100).toFixed(2)} %, converged ${run.converged}\n`,
          );
        } finally {
          await target.close();
        }
      }
    }
  }

  const summary = summaryTable(runs);
  const output = [
    markdownTable(runs),
    '',
    ...(summary.length > 0 ? [...summary, ''] : []),
    ...ratioLines(runs),
    ...clusterLines(runs),
    ...neighbours,
  ];
  const notes = warnings(runs);
  if (notes.length > 0) output.push('', 'Warnings:', ...notes.map((line) => `- ${line}`));
  process.stdout.write(`${output.join('\n')}\n`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(runs, null, 2)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
// Sockets or timers a failed run left behind must not keep the process alive.
process.exit();
