import { UsageSummaryQuery } from '../../contracts/usage';
import { isUsableDay, latestDay } from '../../contracts/usage-day';
import { daysBetween, resolveRange } from './usage-range';

describe('resolveRange', () => {
  const now = new Date('2026-11-21T23:30:00Z');

  it('resolves the named ranges in UTC', () => {
    expect(resolveRange('day', now)).toEqual({ from: '2026-11-21', to: '2026-11-21' });
    expect(resolveRange('week', now)).toEqual({ from: '2026-11-15', to: '2026-11-21' });
    expect(resolveRange('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(resolveRange('month', new Date('2028-02-10T00:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('checks custom ranges', () => {
    expect(resolveRange('custom', now, { from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(() => resolveRange('custom', now, { from: '2026-01-01' })).toThrow(/from and to/);
    expect(() => resolveRange('custom', now, { from: '2026-02-01', to: '2026-01-01' })).toThrow(/before/);
    expect(() => resolveRange('custom', now, { from: '2024-01-01', to: '2026-01-01' })).toThrow(/366/);
  });

  it('keeps custom ranges between 2000-01-01 and the end of the year five years ahead', () => {
    expect(latestDay(now)).toBe('2031-12-31');
    expect(resolveRange('custom', now, { from: '2000-01-01', to: '2000-01-01' })).toEqual({
      from: '2000-01-01',
      to: '2000-01-01',
    });
    expect(resolveRange('custom', now, { from: '2031-12-31', to: '2031-12-31' }).to).toBe('2031-12-31');
    expect(() => resolveRange('custom', now, { from: '1999-12-31', to: '2000-01-01' })).toThrow(/between/);
    expect(() => resolveRange('custom', now, { from: '2032-01-01', to: '2032-01-02' })).toThrow(/between/);
    expect(() => resolveRange('custom', now, { from: '0000-01-01', to: '0000-01-02' })).toThrow(/between/);
  });

  it('names each custom bound that is not a usable day', () => {
    const attempt = () => resolveRange('custom', now, { from: '0000-01-01', to: '2026-02-30' });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'bad_request',
        errors: [
          { path: 'querystring.from', message: 'not a day in that range' },
          { path: 'querystring.to', message: 'not a day in that range' },
        ],
      }),
    );
  });

  it('accepts only real calendar days in bounds', () => {
    expect(isUsableDay('2028-02-29', now)).toBe(true);
    expect(isUsableDay('2026-02-29', now)).toBe(false);
    expect(isUsableDay('2026-04-31', now)).toBe(false);
    expect(isUsableDay('2026-13-01', now)).toBe(false);
    expect(isUsableDay('2026-00-10', now)).toBe(false);
    expect(isUsableDay('2026-1-1', now)).toBe(false);
    expect(isUsableDay('+02026-01-01', now)).toBe(false);
    expect(isUsableDay('1999-12-31', now)).toBe(false);
  });

  it('spans at most 366 days, both ends included', () => {
    expect(resolveRange('custom', now, { from: '2024-01-01', to: '2024-12-31' }).to).toBe('2024-12-31');
    expect(() => resolveRange('custom', now, { from: '2025-01-01', to: '2026-01-02' })).toThrow(/366/);
    expect(resolveRange('custom', now, { from: '2026-03-03', to: '2026-03-03' }).from).toBe('2026-03-03');
  });

  it('refuses out-of-range days in the query schema, whatever the range', () => {
    const parse = (query: Record<string, string>) => UsageSummaryQuery.safeParse(query).success;
    expect(parse({ range: 'custom', from: '0000-01-01', to: '0000-01-02' })).toBe(false);
    expect(parse({ range: 'month', from: '1999-12-31' })).toBe(false);
    expect(parse({ range: 'custom', from: '9999-12-31', to: '9999-12-31' })).toBe(false);
    expect(parse({ range: 'custom', from: '2026-02-30', to: '2026-03-01' })).toBe(false);
    expect(parse({ range: 'month', to: '2026-13-01' })).toBe(false);
    expect(parse({ range: 'custom', from: '2026-01-01', to: '2026-01-31' })).toBe(true);
  });

  it('lists every day of a range', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
