import { CALL_LOG_STATUSES, CALL_STATUSES, type CallLogStatus } from '../../contracts/call-status';
import { InvalidCallTransitionError, transitionCall } from './call-log-lifecycle';

const FINAL: CallLogStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

describe('call log lifecycle', () => {
  it.each<[CallLogStatus, CallLogStatus]>([
    ['queued', 'ringing'],
    ['initiated', 'in-progress'],
    ['ringing', 'in-progress'],
    ['in-progress', 'completed'],
    ['in-progress', 'busy'],
    ['ringing', 'no-answer'],
    ['queued', 'canceled'],
    ['in-progress', 'failed'],
  ])('moves a call on from %s to %s when Twilio reports it, unaudited', (from, to) => {
    expect(transitionCall(from, to, 'provider_status')).toEqual({
      change: 'apply',
      status: to,
      details: { from, to, cause: 'provider_status' },
      audited: false,
    });
  });

  it('ignores a repeated status as a duplicate', () => {
    for (const status of CALL_STATUSES) {
      expect(transitionCall(status, status, 'provider_status')).toEqual({ change: 'ignore', why: 'duplicate' });
    }
    expect(transitionCall('metering_failed', 'metering_failed', 'metering_failed')).toMatchObject({
      change: 'ignore',
    });
  });

  it.each<[CallLogStatus, CallLogStatus]>([
    ['in-progress', 'ringing'],
    ['ringing', 'queued'],
    ['completed', 'in-progress'],
    ['completed', 'busy'],
    ['no-answer', 'completed'],
    ['metering_failed', 'completed'],
    ['metering_failed', 'ringing'],
  ])('ignores %s → %s as stale: the first final status wins and is never left', (from, to) => {
    expect(transitionCall(from, to, 'provider_status')).toEqual({ change: 'ignore', why: 'stale' });
  });

  it('flags any call metering_failed, audited, and then keeps it so', () => {
    for (const from of CALL_STATUSES) {
      expect(transitionCall(from, 'metering_failed', 'metering_failed')).toMatchObject({
        change: 'apply',
        status: 'metering_failed',
        audited: true,
      });
    }
    const leaving = CALL_STATUSES.map((to) => transitionCall('metering_failed', to, 'provider_status').change);
    expect(new Set(leaving)).toEqual(new Set(['ignore']));
  });

  it('moves every final status only to metering_failed', () => {
    for (const from of FINAL) {
      const applied = CALL_LOG_STATUSES.filter(
        (to) =>
          transitionCall(from, to, to === 'metering_failed' ? 'metering_failed' : 'provider_status').change === 'apply',
      );
      expect({ from, applied }).toEqual({ from, applied: ['metering_failed'] });
    }
  });

  it('refuses a status its cause cannot lead to', () => {
    expect(() => transitionCall('in-progress', 'metering_failed', 'provider_status')).toThrow(
      InvalidCallTransitionError,
    );
    expect(() => transitionCall('in-progress', 'completed', 'metering_failed')).toThrow(
      "A call's metering failed cannot lead to completed",
    );
  });
});
