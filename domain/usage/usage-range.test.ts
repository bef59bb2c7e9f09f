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

  it('lists every day of a range', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
