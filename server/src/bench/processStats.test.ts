import { describe, expect, it } from 'vitest';
import {
  parseCpuPressureMicros,
  parseProcStatTicks,
  parseStatCpuTicks,
  parseStatusRssBytes,
  readCpuSeconds,
  readRssBytes,
} from './processStats.js';

describe('/proc parsing', () => {
  it('reads utime + stime even when the command name has spaces and parentheses', () => {
    const line =
      '4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 1234 0 0 0 150 25 0 0 20 0 11 0 100 1000000 2000 ' +
      '18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n';
    expect(parseStatCpuTicks(line)).toBe(175);
  });

  it('reads VmRSS in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  90000 kB\nVmRSS:\t   81234 kB\nRssAnon:\t 1 kB\n';
    expect(parseStatusRssBytes(status)).toBe(81234 * 1024);
  });

  it('reads machine-wide busy ticks, counting iowait as idle', () => {
    const stat = 'cpu  100 5 20 800 50 1 2 3 0 0\ncpu0 50 2 10 400 25 0 1 1 0 0\n';
    expect(parseProcStatTicks(stat)).toEqual({ busy: 131, total: 981 });
  });

  it('reads the CPU pressure total', () => {
    const pressure =
      'some avg10=16.54 avg60=41.88 avg300=52.58 total=857350587\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
    expect(parseCpuPressureMicros(pressure)).toBe(857350587);
    expect(parseCpuPressureMicros('')).toBeNull();
  });

  it('reads this process', () => {
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(readRssBytes(process.pid)).toBeGreaterThan(1024 * 1024);
  });
});
