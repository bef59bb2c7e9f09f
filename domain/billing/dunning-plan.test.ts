import { isSuperseded, plannedReminders, suspensionDueAt } from './dunning-plan';

const DAY = 86_400_000;
const since = Date.parse('2026-05-06T12:00:00Z');

describe('dunning plan', () => {
  it('plans the reminders from the moment the payment fell past due, in order', () => {
    expect(plannedReminders([7 * DAY, 0, 3 * DAY], since, since + 14 * DAY)).toEqual([
      { number: 1, at: since },
      { number: 2, at: since + 3 * DAY },
      { number: 3, at: since + 7 * DAY },
    ]);
  });

  it('drops reminders at or after the suspension and merges repeated offsets', () => {
    expect(plannedReminders([0, 0, 3 * DAY, 14 * DAY, 20 * DAY], since, since + 14 * DAY)).toEqual([
      { number: 1, at: since },
      { number: 2, at: since + 3 * DAY },
    ]);
    expect(plannedReminders([0], since, since)).toEqual([]);
  });

  it('suspends the grace period after the payment fell past due', () => {
    expect(suspensionDueAt(new Date(since), 14 * DAY)).toEqual(new Date(since + 14 * DAY));
  });

  it('skips a reminder once the next one is due too, and the last one once the suspension is due', () => {
    const reminders = plannedReminders([0, 3 * DAY, 7 * DAY], since, since + 14 * DAY);
    expect(isSuperseded(reminders, 0, since + 14 * DAY, since + DAY)).toBe(false);
    expect(isSuperseded(reminders, 0, since + 14 * DAY, since + 3 * DAY)).toBe(true);
    expect(isSuperseded(reminders, 2, since + 14 * DAY, since + 13 * DAY)).toBe(false);
    expect(isSuperseded(reminders, 2, since + 14 * DAY, since + 14 * DAY)).toBe(true);
  });
});
