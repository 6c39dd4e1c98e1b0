// Messages between the scenario (main thread) and its load workers. The clients of a run are spread
// over a few worker threads so that the load generator can use more than one core; a room's clients
// may sit in different workers, which is fine because stamps use one process-wide clock.
import type { Protocol } from './framing.js';
import type { BenchUser } from './provision.js';
import type { SelfUsage } from './processStats.js';
import type { LoadParams } from './scenario.js';
import type { TallyData } from './stats.js';

export interface ClientAssignment {
  room: number;
  /** Index of the client among all clients of the run; names it and places its shapes. */
  index: number;
  url: string;
  /** Who the client is in its presence state. */
  user: BenchUser;
}

export interface WorkerInput {
  clients: ClientAssignment[];
  params: LoadParams;
  /** What the target speaks (framing.ts). */
  protocol: Protocol;
}

export interface ClientCloses {
  /** Close code → sockets the target closed with it. */
  [code: string]: number;
}

export interface WorkerReport {
  updates: TallyData;
  awareness: TallyData;
  /** Per room, the fingerprint of each of this worker's clients in that room. */
  fingerprints: [room: number, fingerprint: string][];
  closes: ClientCloses;
  badFrames: number;
  loop: Pick<SelfUsage, 'loopDelayP99Ms'>;
}

export type ToWorker =
  /** Start the load; count what is sent in [windowStart, windowEnd) (clockMs) and stop sending at windowEnd. */
  | { type: 'start'; windowStart: number; windowEnd: number }
  /** Send the current fingerprints again (traffic was still in flight at the first report). */
  | { type: 'fingerprint' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'connected' }
  | { type: 'failed'; message: string }
  | { type: 'report'; report: WorkerReport }
  | { type: 'fingerprints'; fingerprints: WorkerReport['fingerprints'] }
  | { type: 'closed' };
