import type { PlanId } from '../../contracts/pricing';
import type { UsageKind } from '../../contracts/usage-kind';

/**
 * What a bench tenant uses in a month: its plan, the kinds its events are of (round robin) and the mean quantity of
 * one event per kind, for 10,000 events a month. `idle` tenants have their events in the month before the period,
 * so the period has no usage at all.
 */
export interface UsageProfile {
  name: string;
  plan: PlanId;
  means: Partial<Record<UsageKind, number>>;
  idle?: boolean;
}

const ALL_KINDS_STARTER = { call_started: 1, minutes: 2, stt_requests: 3, tts_chars: 300, gpt_tokens: 400 };

/**
 * One cycle of 20 tenants. The means are chosen against `config/pricing.json` so that a month crosses what the
 * rating must get right: included quantities used up or not, Pro's and Enterprise's second price bands reached or
 * not (the per-tenant spread below moves tenants across the bounds), and tenants whose invoice is zero.
 */
const CYCLE: UsageProfile[] = [
  { name: 'starter, idle', plan: 'starter', means: ALL_KINDS_STARTER, idle: true },
  ...repeat(3, { name: 'starter, within included', plan: 'starter', means: { gpt_tokens: 5 } }),
  ...repeat(4, { name: 'starter', plan: 'starter', means: ALL_KINDS_STARTER }),
  { name: 'pro, idle', plan: 'pro', means: { minutes: 3 }, idle: true },
  ...repeat(7, {
    name: 'pro',
    plan: 'pro',
    means: { call_started: 1, minutes: 3, stt_requests: 15, tts_chars: 1_000, gpt_tokens: 1_500 },
  }),
  ...repeat(4, {
    name: 'enterprise',
    plan: 'enterprise',
    means: { call_started: 5, minutes: 35, stt_requests: 100, tts_chars: 8_000, gpt_tokens: 30_000 },
  }),
];

function repeat(times: number, profile: UsageProfile): UsageProfile[] {
  return Array.from({ length: times }, () => profile);
}

/**
 * Tenant `index`'s profile for `eventsPerTenant` events: the cycle's means, spread 0.6–1.4× from tenant to tenant
 * and scaled so that a month's quantities stay those of 10,000 events when the bench runs smaller.
 */
export function usageProfile(index: number, eventsPerTenant: number): UsageProfile {
  const profile = CYCLE[index % CYCLE.length]!;
  const scale = Math.max(1, Math.round(10_000 / eventsPerTenant));
  const spread = 3 + (index % 5);
  const means = Object.fromEntries(
    Object.entries(profile.means).map(([kind, mean]) => [kind, Math.max(1, Math.floor((mean * spread * scale) / 5))]),
  );
  return { ...profile, means };
}
