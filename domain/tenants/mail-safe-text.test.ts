import { mailSafeText } from './mail-safe-text';

describe('mailSafeText', () => {
  it('keeps ordinary company names as they are', () => {
    expect(mailSafeText('Café Größenwahn & Söhne Co. KG')).toBe('Café Größenwahn & Söhne Co. KG');
  });

  it('turns line breaks and control characters into single spaces, so no header can be added', () => {
    expect(mailSafeText('Evil\r\nBcc: victim\u0007\u0000 Corp\t\u2028 ')).toBe('Evil Bcc: victim Corp');
    expect(mailSafeText('Left\u202Eright\u200B')).toBe('Leftright');
  });

  it('breaks anything a mail client would turn into a link', () => {
    expect(mailSafeText('Visit https://phish.example/login or www.evil.test, mail boss@evil.test')).toBe(
      'Visit https[:]//phish[.]example/login or www[.]evil[.]test, mail boss[at]evil[.]test',
    );
  });

  it('caps the length by characters, not bytes', () => {
    expect(Array.from(mailSafeText('ü'.repeat(300)))).toHaveLength(100);
    expect(mailSafeText('x'.repeat(30), 10)).toBe('x'.repeat(10));
  });
});
