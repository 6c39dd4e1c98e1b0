import { describe, expect, it } from 'vitest';
import { median, percentile, Samples, Tally } from './stats.js';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, in any input order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('handles tiny and empty inputs', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([1, 2], 51)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('Samples', () => {
  it('grows past its initial capacity and summarises unsorted input', () => {
    const samples = new Samples();
    for (let i = 5000; i >= 1; i--) samples.add(i / 10);
    const summary = samples.summary();
    expect(summary.count).toBe(5000);
    expect(summary.p50).toBe(250);
    expect(summary.p99).toBe(495);
    expect(summary.max).toBe(500);
  });
});

describe('Tally', () => {
  it('counts expected receipts per receiver', () => {
    const tally = new Tally();
    tally.recordSend(3);
    tally.recordSend(3);
    tally.recordReceipt(1);
    tally.recordReceipt(2);
    tally.recordReceipt(3);
    expect(tally.expected).toBe(6);
    expect(tally.deliveryRatio).toBe(0.5);
    expect(new Tally().deliveryRatio).toBe(1);
  });

  it('merges tallies kept in other threads', () => {
    const part = new Tally();
    part.recordSend(2);
    part.recordReceipt(5);
    const total = new Tally();
    total.recordReceipt(1);
    total.merge(part.toData());
    expect(total.sent).toBe(1);
    expect(total.expected).toBe(2);
    expect(total.received).toBe(2);
    expect(total.latency.summary().max).toBe(5);
  });
});
