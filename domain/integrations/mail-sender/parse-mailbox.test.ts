import { formatMailbox, parseMailbox } from './parse-mailbox';

describe('parseMailbox', () => {
  it('splits a named mailbox, quoted or not, and keeps a bare address whole', () => {
    expect(parseMailbox('VoicePlane <no-reply@voiceplane.local>')).toEqual({
      name: 'VoicePlane',
      address: 'no-reply@voiceplane.local',
    });
    expect(parseMailbox('"Studio Nord" <hello@studio.example>')).toEqual({
      name: 'Studio Nord',
      address: 'hello@studio.example',
    });
    expect(parseMailbox(' mail@example.org ')).toEqual({ name: '', address: 'mail@example.org' });
  });

  it('formats the name quoted, and an address without a name alone', () => {
    expect(formatMailbox({ name: 'Studio Nord', address: 'hello@studio.example' })).toBe(
      '"Studio Nord" <hello@studio.example>',
    );
    expect(formatMailbox({ name: '', address: 'mail@example.org' })).toBe('mail@example.org');
  });
});
