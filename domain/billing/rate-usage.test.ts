import fc from 'fast-check';
import { loadPricingCatalog } from '../../config/pricing';
import type { PlanPricing } from '../../contracts/pricing';
import { USAGE_KINDS } from '../../contracts/usage-kind';
import { rateUsage } from './rate-usage';

const catalog = loadPricingCatalog();
const plan = (id: string): PlanPricing => catalog.plans.find((candidate) => candidate.id === id)!;
const starter = plan('starter');
const pro = plan('pro');

describe('rateUsage', () => {
  it('bills nothing for a free plan without usage, and only the fee for a paid one', () => {
    expect(rateUsage(starter, {})).toEqual({ lines: [], totalCents: 0 });
    const { lines, totalCents } = rateUsage(pro, {});
    expect(lines).toEqual([
      { kind: 'subscription', tier: null, quantity: 1, amountCents: 4900, description: 'Pro plan, monthly fee' },
    ]);
    expect(totalCents).toBe(4900);
  });

  it('bills nothing for usage up to what the plan includes', () => {
    expect(rateUsage(pro, { minutes: 1000, call_started: 1000, tts_chars: 500_000 }).totalCents).toBe(4900);
  });

  it('prices each band of a graduated price at its own rate', () => {
    // Pro minutes: 1,000 included; the next 2,000 at 6 ct, the rest at 4.5 ct.
    const { lines, totalCents } = rateUsage(pro, { minutes: 3500 });
    expect(lines.filter((line) => line.kind === 'minutes')).toEqual([
      expect.objectContaining({ tier: 0, quantity: 2000, amountCents: 12_000 }),
      expect.objectContaining({ tier: 1, quantity: 500, amountCents: 2250 }),
    ]);
    expect(lines[1]!.description).toBe('Call minutes beyond the 1,000 included, 1–2,000');
    expect(lines[2]!.description).toBe('Call minutes beyond the 1,000 included, from 2,001');
    expect(totalCents).toBe(4900 + 12_000 + 2250);
  });

  it('rounds each line half up to whole cents from the exact amount', () => {
    // Starter tokens: 100,000 included, then 0.2 ct per 1,000: 2,500 tokens = 0.5 ct → 1 ct; 2,499 → 0 ct.
    expect(rateUsage(starter, { gpt_tokens: 102_500 }).lines).toEqual([
      expect.objectContaining({ kind: 'gpt_tokens', quantity: 2500, amountCents: 1 }),
    ]);
    expect(rateUsage(starter, { gpt_tokens: 102_499 }).lines).toEqual([
      expect.objectContaining({ kind: 'gpt_tokens', quantity: 2499, amountCents: 0 }),
    ]);
  });

  it('stays exact where floating point would not', () => {
    // 3 ct per 1,000 characters over 2^53 − 1 characters: the float product loses the last digits.
    const huge = Number.MAX_SAFE_INTEGER;
    const [line] = rateUsage(starter, { tts_chars: huge }).lines;
    const exact = (BigInt(huge - 20_000) * 3000n * 2n + 1_000_000n) / 2_000_000n;
    expect(BigInt(line!.amountCents)).toBe(exact);
  });

  it('refuses usage that is not a whole number ≥ 0', () => {
    expect(() => rateUsage(pro, { minutes: -1 })).toThrow(/whole number/);
    expect(() => rateUsage(pro, { minutes: 1.5 })).toThrow(/whole number/);
  });

  it('for any usage: the total is the sum of the lines, each line within half a cent of exact, more never cheaper', () => {
    const usage = fc.record(Object.fromEntries(USAGE_KINDS.map((kind) => [kind, fc.nat({ max: 50_000_000 })])));
    fc.assert(
      fc.property(fc.constantFrom(...catalog.plans), usage, fc.constantFrom(...USAGE_KINDS), (priced, used, kind) => {
        const rated = rateUsage(priced, used);
        expect(rated.totalCents).toBe(rated.lines.reduce((sum, line) => sum + line.amountCents, 0));
        for (const line of rated.lines.filter((l) => l.kind !== 'subscription')) {
          const price = priced.usage[line.kind as (typeof USAGE_KINDS)[number]];
          const exactCents = (line.quantity * price.tiers[line.tier!]!.priceMillicents) / (price.per * 1000);
          expect(Math.abs(line.amountCents - exactCents)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
        const more = rateUsage(priced, { ...used, [kind]: used[kind]! + 1000 });
        expect(more.totalCents).toBeGreaterThanOrEqual(rated.totalCents);
      }),
      { numRuns: 300 },
    );
  });
});
