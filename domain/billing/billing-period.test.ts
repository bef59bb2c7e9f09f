import { isBillingPeriod, periodBilledAt, periodDays, periodEndsAt, previousPeriod } from './billing-period';

describe('billing periods', () => {
  it('spans a UTC calendar month, leap years included', () => {
    expect(periodDays('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29', endExclusive: '2028-03-01' });
    expect(periodDays('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31', endExclusive: '2027-01-01' });
    expect(periodEndsAt('2026-12')).toBe(Date.UTC(2027, 0, 1));
  });

  it('steps back across a year', () => {
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(previousPeriod('2026-11')).toBe('2026-10');
  });

  it('bills the month before the run, judged in UTC', () => {
    expect(periodBilledAt(new Date('2026-12-01T02:00:00Z'))).toBe('2026-11');
    // 00:30 in Vienna on 1 December is still 30 November in UTC: November's run has not begun its month yet.
    expect(periodBilledAt(new Date('2026-11-30T23:30:00Z'))).toBe('2026-10');
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2026-13', '2026-00', '26-01', '2026-1', '2019-12', '2026-01-01']) {
      expect(isBillingPeriod(bad)).toBe(false);
      expect(() => periodDays(bad)).toThrow(/YYYY-MM/);
    }
  });
});
