import { nearestRank, summarizeLatencies } from './latency-stats';

describe('latency percentiles (nearest rank)', () => {
  it('picks the smallest sample at or above each rank', () => {
    const samples = Array.from({ length: 100 }, (_, n) => 100 - n); // 100 … 1, unsorted on purpose
    const summary = summarizeLatencies(samples);
    expect(summary).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(samples[0]).toBe(100); // the input is left as it was
  });

  it('rounds the rank up on small samples and handles one sample and none', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(nearestRank([1, 2, 3], 0)).toBe(1);
    expect(summarizeLatencies([7.5])).toEqual({ count: 1, p50: 7.5, p95: 7.5, p99: 7.5, max: 7.5 });
    const empty = summarizeLatencies([]);
    expect(empty.count).toBe(0);
    expect(Number.isNaN(empty.p95)).toBe(true);
  });

  it('sorts numerically, not as text', () => {
    expect(summarizeLatencies([10, 9, 100, 2]).p50).toBe(9);
  });
});
