import { loadPricingCatalog } from '../../config/pricing';
import {
  CALL_WEBHOOKS,
  expectedMinutesOf,
  expectedTotals,
  fromNumberOf,
  indexOfFrom,
  MAX_DURATION_SECONDS,
  planCall,
  planCalls,
  webhookOf,
  type ChaosCall,
} from './chaos-plan';

describe('the chaos fault planner', () => {
  it('plans the same calls for the same seed, other calls for another seed', () => {
    expect(planCalls(7, 500)).toEqual(planCalls(7, 500));
    expect(planCalls(8, 500)).not.toEqual(planCalls(7, 500));
  });

  it('plans a call from the seed and its index alone, whatever the count', () => {
    const many = planCalls(7, 2_000);
    expect(planCalls(7, 10)).toEqual(many.slice(0, 10));
    expect(planCall(7, 1_234)).toEqual(many[1_234]);
  });

  it('injects the issue’s fault mix over many calls', () => {
    const calls = planCalls(13, 40_000);
    const webhooks = calls.length * CALL_WEBHOOKS.length;
    const duplicated = calls.reduce((sum, call) => sum + call.duplicated.length, 0);
    expect(duplicated / webhooks).toBeGreaterThan(0.095);
    expect(duplicated / webhooks).toBeLessThan(0.105);
    const reordered = calls.filter((call) => call.reordered).length / calls.length;
    expect(reordered).toBeGreaterThan(0.045);
    expect(reordered).toBeLessThan(0.055);
    const lost = calls.filter((call) => call.finalLost).length / calls.length;
    expect(lost).toBeGreaterThan(0.008);
    expect(lost).toBeLessThan(0.012);
    // A final status that is never sent is not sent twice either.
    expect(calls.filter((call) => call.finalLost && call.duplicated.includes('final'))).toEqual([]);
    const durations = calls.map((call) => call.durationSeconds);
    expect(Math.min(...durations)).toBe(0);
    expect(Math.max(...durations)).toBe(MAX_DURATION_SECONDS);
  });

  it('carries the call index in the caller number and reads it back', () => {
    expect(indexOfFrom(fromNumberOf(0))).toBe(0);
    expect(indexOfFrom(fromNumberOf(9_999_999))).toBe(9_999_999);
    expect(indexOfFrom('+4369912345678')).toBeNull();
    expect(indexOfFrom('+436990000012x')).toBeNull();
  });

  it('names each webhook by its path and status', () => {
    expect(webhookOf('/telephony/incoming', 'ringing')).toBe('voice');
    expect(webhookOf('/telephony/status', 'ringing')).toBe('ringing');
    expect(webhookOf('/telephony/status', 'in-progress')).toBe('in-progress');
    expect(webhookOf('/telephony/status', 'busy')).toBe('final');
    expect(webhookOf('/telephony/status', null)).toBeNull();
    expect(webhookOf('/elsewhere', 'completed')).toBeNull();
  });
});

describe('the expected totals', () => {
  const call = (index: number, durationSeconds: number, finalStatus: ChaosCall['finalStatus']): ChaosCall => ({
    index,
    from: fromNumberOf(index),
    durationSeconds,
    finalStatus,
    duplicated: index % 2 === 0 ? ['voice', 'final'] : [],
    reordered: index % 3 === 0,
    finalLost: index === 1,
  });

  it('bills started minutes of completed calls only', () => {
    expect([0, 1, 60, 61, 3_599].map((seconds) => expectedMinutesOf(call(0, seconds, 'completed')))).toEqual([
      0, 1, 1, 2, 60,
    ]);
    expect(expectedMinutesOf(call(0, 600, 'busy'))).toBe(0);
    expect(expectedMinutesOf(call(0, 600, 'no-answer'))).toBe(0);
  });

  it('sums calls, minutes, faults and the month’s invoice on the plan', () => {
    // 251 full hours and one second: 15,061 minutes, 61 beyond Enterprise's 15,000 included, at 4,000 millicents.
    const calls = [
      ...Array.from({ length: 251 }, (_, n) => call(n, 3_599, 'completed')),
      call(251, 1, 'completed'),
      call(252, 900, 'busy'),
    ];
    const totals = expectedTotals(calls, loadPricingCatalog(), 'enterprise');
    expect(totals.calls).toBe(253);
    expect(totals.minutes).toBe(15_061);
    expect(totals.invoice).toEqual({ totalCents: 49_900 + 244, lines: 2 });
    expect(totals.faults).toEqual({
      duplicatedWebhooks: 2 * 127,
      webhooks: 4 * 253 - 1,
      reorderedCalls: 85,
      lostFinals: 1,
    });
  });

  it('bills nothing beyond the fee while usage stays within the included quantities', () => {
    const totals = expectedTotals([call(0, 3_599, 'completed')], loadPricingCatalog(), 'pro');
    expect(totals.invoice).toEqual({ totalCents: 4_900, lines: 1 });
  });
});
