import { statusAfterReply } from './ticket-status';

describe('statusAfterReply', () => {
  it('re-opens a pending or resolved ticket when the customer replies', () => {
    expect(statusAfterReply('pending', 'customer')).toBe('open');
    expect(statusAfterReply('resolved', 'customer')).toBe('open');
    expect(statusAfterReply('open', 'customer')).toBe('open');
  });

  it('leaves an open ticket waiting for the customer when staff reply, and other states as they are', () => {
    expect(statusAfterReply('open', 'staff')).toBe('pending');
    expect(statusAfterReply('pending', 'staff')).toBe('pending');
    expect(statusAfterReply('resolved', 'staff')).toBe('resolved');
  });
});
