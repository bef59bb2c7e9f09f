import { loadPricingCatalog } from '../../config/pricing';
import type { PlanPricing } from '../../contracts/pricing';
import { invoiceLines } from './invoice-lines';
import { rateUsage } from './rate-usage';

const catalog = loadPricingCatalog();
const plan = (id: string): PlanPricing => catalog.plans.find((candidate) => candidate.id === id)!;
const pro = plan('pro');
const starter = plan('starter');

describe('invoiceLines', () => {
  it('is the period rated on its plan when nothing came late', () => {
    const { lines, totalCents } = invoiceLines('2026-11', pro, { minutes: 1500 }, null);
    expect(lines.map((line) => line.sourcePeriod)).toEqual(['2026-11', '2026-11']);
    expect(totalCents).toBe(rateUsage(pro, { minutes: 1500 }).totalCents);
  });

  it('bills late usage of the previous period as if it had been on time, across a price band', () => {
    // October was billed with 2,900 Pro minutes (1,900 beyond the included 1,000, all in the 6 ct band); 300
    // more arrived after finalization: 100 still at 6 ct, 200 in the 4.5 ct band.
    const late = { period: '2026-10', plan: pro, billed: { minutes: 2900 }, now: { minutes: 3200 } };
    const { lines, totalCents } = invoiceLines('2026-11', pro, {}, late);
    const adjustment = lines.find((line) => line.sourcePeriod === '2026-10');
    expect(adjustment).toEqual({
      kind: 'minutes',
      tier: null,
      quantity: 300,
      amountCents: 100 * 6 + 200 * 4.5,
      description: 'Call minutes of 2026-10 reported after its invoice was finalized',
      sourcePeriod: '2026-10',
    });
    expect(totalCents).toBe(4900 + 1500);
    // Billed once on time plus the adjustment equals billing all of it on time: nothing lost, nothing twice.
    expect(rateUsage(pro, { minutes: 2900 }).totalCents + adjustment!.amountCents).toBe(
      rateUsage(pro, { minutes: 3200 }).totalCents,
    );
  });

  it('charges nothing for late usage still within what the plan includes, but shows it', () => {
    const late = { period: '2026-10', plan: starter, billed: { minutes: 40 }, now: { minutes: 70 } };
    const { lines, totalCents } = invoiceLines('2026-11', starter, {}, late);
    expect(lines).toEqual([expect.objectContaining({ kind: 'minutes', quantity: 30, amountCents: 0 })]);
    expect(totalCents).toBe(0);
  });

  it('rates late usage on the plan it was used under, not the current one', () => {
    const late = { period: '2026-10', plan: starter, billed: { minutes: 100 }, now: { minutes: 110 } };
    const { lines } = invoiceLines('2026-11', pro, {}, late);
    expect(lines.find((line) => line.sourcePeriod === '2026-10')).toEqual(
      expect.objectContaining({ quantity: 10, amountCents: 10 * 9 }),
    );
  });

  it('adds no line for a kind whose usage did not change', () => {
    const late = { period: '2026-10', plan: pro, billed: { minutes: 5000, call_started: 3 }, now: { minutes: 5000 } };
    expect(invoiceLines('2026-11', pro, {}, late).lines.filter((l) => l.sourcePeriod === '2026-10')).toEqual([]);
  });
});
