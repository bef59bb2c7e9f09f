import { clientKey } from './client-address';

describe('clientKey', () => {
  it('keeps IPv4 addresses, also when IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2::12', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff'].map(clientKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(keys[0]);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
