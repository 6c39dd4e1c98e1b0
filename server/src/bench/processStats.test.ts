import { describe, expect, it } from 'vitest';
import { parseStatCpuTicks, parseStatusRssBytes, readCpuSeconds, readRssBytes } from './processStats.js';

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

  it('reads this process', () => {
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(readRssBytes(process.pid)).toBeGreaterThan(1024 * 1024);
  });
});
