import { billableMinutes } from './billable-minutes';

describe('billableMinutes', () => {
  it.each([
    [0, 0],
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [3599, 60],
    [3600, 60],
    [-5, 0],
  ])('%i seconds are %i minutes', (seconds, minutes) => {
    expect(billableMinutes(seconds)).toBe(minutes);
  });
});
