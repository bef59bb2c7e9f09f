import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPricingCatalog, pricingProblems } from './pricing';

const scratch = mkdtempSync(path.join(tmpdir(), 'pricing-'));
const write = (name: string, content: unknown) => {
  const file = path.join(scratch, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('the price list', () => {
  it('the repository’s pricing.json is valid: three plans, a fee and a Stripe price for the paid ones', () => {
    const catalog = loadPricingCatalog();
    expect(catalog.plans.map((plan) => plan.id)).toEqual(['starter', 'pro', 'enterprise']);
    expect(catalog.defaultPlan).toBe('starter');
    for (const plan of catalog.plans.filter((p) => p.monthlyFeeCents > 0))
      expect(plan.stripePriceId).toMatch(/^price_/);
    expect(pricingProblems()).toEqual([]);
  });

  it('names every problem of a broken list, with its path', () => {
    const good = loadPricingCatalog();
    const [starter, pro] = good.plans;
    const broken = {
      ...good,
      defaultPlan: 'gold',
      plans: [
        {
          ...starter,
          usage: { ...starter!.usage, minutes: { included: 0, per: 1, tiers: [{ upTo: 10, priceMillicents: 1 }] } },
        },
        { ...pro, stripePriceId: null },
        { ...pro, features: { byokElevenlabs: true } },
      ],
    };
    const [problem] = pricingProblems(write('broken.json', broken));
    expect(problem).toContain('defaultPlan');
    expect(problem).toContain('plans.0.usage.minutes: the last tier must have upTo: null');
    expect(problem).toContain('plans.2.features.customPrompts');
  });

  it('checks the plans against each other once each plan is well formed', () => {
    const good = loadPricingCatalog();
    const [starter, pro] = good.plans;
    const crossed = { ...good, defaultPlan: 'enterprise', plans: [starter, { ...pro, stripePriceId: null }, pro] };
    const [problem] = pricingProblems(write('crossed.json', crossed));
    expect(problem).toContain('plan ids must be unique');
    expect(problem).toContain('defaultPlan enterprise is not among the plans');
    expect(problem).toContain('plan pro has a fee but no stripePriceId');
  });

  it('refuses a file that is not JSON, or missing, by name', () => {
    expect(pricingProblems(write('bad.json', '{ "currency": '))[0]).toMatch(/bad\.json: .*JSON/);
    expect(pricingProblems(path.join(scratch, 'missing.json'))[0]).toMatch(/missing\.json: .*ENOENT/);
  });

  it('refuses falling tier bounds and an unbounded tier in the middle', () => {
    const good = loadPricingCatalog();
    const withTiers = (tiers: unknown) => ({
      ...good,
      plans: good.plans.map((plan) => ({ ...plan, usage: { ...plan.usage, minutes: { included: 0, per: 1, tiers } } })),
    });
    const falling = [
      { upTo: 100, priceMillicents: 5 },
      { upTo: 50, priceMillicents: 4 },
      { upTo: null, priceMillicents: 3 },
    ];
    expect(pricingProblems(write('falling.json', withTiers(falling)))[0]).toContain('tier bounds must rise');
    const gap = [
      { upTo: null, priceMillicents: 5 },
      { upTo: null, priceMillicents: 4 },
    ];
    expect(pricingProblems(write('gap.json', withTiers(gap)))[0]).toContain('only the last tier may be unbounded');
  });
});
