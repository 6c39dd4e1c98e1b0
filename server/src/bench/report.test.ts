import { describe, expect, it } from 'vitest';
import { fanOutBar, ratioLines, summaryTable } from './report.js';
import type { KindResult, RunResult } from './scenario.js';
import type { TargetKind } from './targets.js';

function kind(p99: number): KindResult {
  return {
    planned: 100,
    sent: 100,
    expected: 100,
    received: 100,
    delivery: 1,
    latencyMs: { count: 100, p50: p99 / 2, p95: p99, p99, max: p99 },
  };
}

function run(target: TargetKind, update: number, cursor: number, cpu: number): RunResult {
  return {
    scenario: 'small',
    target,
    instances: 1,
    params: { rooms: 1, clients: 30, updates: 2, cursors: 10, seconds: 10, warmup: 3, workers: 2 },
    updates: kind(update),
    awareness: kind(cursor),
    converged: true,
    divergentRooms: 0,
    freshMismatchRooms: null,
    unexpectedCloses: {},
    badFrames: 0,
    server: { cpuPercent: cpu, peakRssBytes: 0, endRssBytes: 0 },
    bench: { cpuPercent: 50, loopDelayP99Ms: 1 },
    machine: { cores: 2, busyPercent: 100, cpuPressurePercent: null },
    targetLog: { lines: 0, tail: [] },
  };
}

describe('fanOutBar', () => {
  it('is 0.8× the better alternative, or 1.1× the relay where that is higher', () => {
    expect(fanOutBar({ reference: 10, hocuspocus: 5, relay: 2 })).toBeCloseTo(4);
    expect(fanOutBar({ reference: 10, hocuspocus: 5, relay: 4 })).toBeCloseTo(4.4);
    expect(fanOutBar({ reference: 10, hocuspocus: Number.NaN, relay: 2 })).toBeCloseTo(8);
    expect(fanOutBar({ reference: Number.NaN, hocuspocus: Number.NaN, relay: 2 })).toBeCloseTo(2.2);
    expect(fanOutBar({ reference: Number.NaN, hocuspocus: Number.NaN, relay: Number.NaN })).toBeNaN();
  });
});

describe('summaryTable', () => {
  it('gives medians per target and the median over rounds of Vermeboard over the bar', () => {
    // Three rounds, interleaved as the bench runs them.
    const runs = [
      [run('vermeboard', 8, 4, 20), run('reference', 10, 10, 20), run('hocuspocus', 5, 20, 30), run('relay', 2, 2, 10)],
      [run('vermeboard', 2, 8, 40), run('reference', 10, 10, 20), run('hocuspocus', 5, 20, 30), run('relay', 2, 2, 10)],
      [run('vermeboard', 4, 6, 30), run('reference', 10, 10, 20), run('hocuspocus', 5, 20, 30), run('relay', 2, 2, 10)],
    ].flat();
    const [header, , row, , note] = summaryTable(runs);
    expect(header).toContain('| reference | hocuspocus | relay |');
    // Bars: update 0.8 × 5 = 4, cursor 0.8 × 10 = 8, CPU 0.8 × 20 = 16 (relay × 1.1 is lower in each).
    expect(row).toBe(
      '| small (1×30, 2+10/s) | 3 | 4.0 / 6.0, 30 % | 10.0 / 10.0, 20 % | 5.0 / 20.0, 30 % | 2.0 / 2.0, 10 % | ' +
        '1.00× / 0.75× / 1.88× |',
    );
    expect(note).toContain('0.8× the better of reference and hocuspocus, or 1.1× the bare relay where that is higher');
  });

  it('marks a target whose run did not deliver everything', () => {
    const late = { ...run('hocuspocus', 1, 1, 10), awareness: { ...kind(1), delivery: 0.5 } };
    const lines = summaryTable([run('vermeboard', 2, 2, 10), late]);
    expect(lines[2]).toContain('| 1.0 / 1.0, 10 % ⚠ |');
    expect(lines[2]).not.toContain('2.0 / 2.0, 10 % ⚠');
    expect(lines.at(-1)).toMatch(/^⚠ In at least one run this target did not deliver everything/);
    expect(summaryTable([run('vermeboard', 2, 2, 10), run('hocuspocus', 1, 1, 10)]).join('\n')).not.toContain('⚠');
  });

  it('leaves out scenarios that ran against Vermeboard alone', () => {
    expect(summaryTable([run('vermeboard', 1, 1, 1)])).toEqual([]);
    expect(ratioLines([run('vermeboard', 1, 1, 1)])).toEqual([]);
  });
});

describe('ratioLines', () => {
  it('gives the median per-round ratio to each peer', () => {
    const runs = [
      run('vermeboard', 8, 4, 20),
      run('hocuspocus', 4, 4, 10),
      run('vermeboard', 3, 4, 20),
      run('hocuspocus', 1, 8, 20),
    ];
    expect(ratioLines(runs)).toEqual([
      'small: Vermeboard / hocuspocus = 2.50× (update p99), 0.75× (cursor p99), 1.50× (server CPU), median of 2 runs',
    ]);
  });
});
