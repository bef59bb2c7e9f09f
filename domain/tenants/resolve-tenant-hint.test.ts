import { AppError } from '../errors/app-error';
import { subdomainSlug } from '../../contracts/branding';
import { resolveTenantHint } from './resolve-tenant-hint';

const BASE = 'voiceplane.test';

describe('subdomainSlug', () => {
  it.each([
    ['alpen.voiceplane.test', 'alpen'],
    ['Alpen.VoicePlane.test:3000', 'alpen'],
    ['alpen.voiceplane.test.', 'alpen'],
    ['voiceplane.test', null],
    ['www.voiceplane.test', null],
    ['a.b.voiceplane.test', null],
    ['alpen.evilvoiceplane.test', null],
    ['alpen.voiceplane.test.evil.example', null],
    ['localhost:3000', null],
    ['x.voiceplane.test', null],
  ])('%s → %s', (host, slug) => {
    expect(subdomainSlug(host, BASE)).toBe(slug);
  });

  it('reads nothing without a configured base domain', () => {
    expect(subdomainSlug('alpen.voiceplane.test', undefined)).toBeNull();
  });
});

describe('resolveTenantHint', () => {
  const refused = (input: Parameters<typeof resolveTenantHint>[0]) => {
    try {
      resolveTenantHint(input);
    } catch (error) {
      return error instanceof AppError ? error.status : error;
    }
    return null;
  };

  it('takes the header, the subdomain, or both when they agree', () => {
    expect(resolveTenantHint({ host: 'localhost', header: 'alpen', baseDomain: BASE })).toBe('alpen');
    expect(resolveTenantHint({ host: 'alpen.voiceplane.test', header: undefined, baseDomain: BASE })).toBe('alpen');
    expect(resolveTenantHint({ host: 'alpen.voiceplane.test', header: 'ALPEN ', baseDomain: BASE })).toBe('alpen');
    expect(resolveTenantHint({ host: 'localhost', header: '', baseDomain: BASE })).toBeNull();
    expect(resolveTenantHint({ host: 'localhost', header: undefined, baseDomain: BASE })).toBeNull();
  });

  it('refuses a malformed header, a repeated one, and a header naming another tenant than the host', () => {
    expect(refused({ host: 'localhost', header: 'no/slug', baseDomain: BASE })).toBe(400);
    expect(refused({ host: 'localhost', header: ['a1', 'b1'], baseDomain: BASE })).toBe(400);
    expect(refused({ host: 'alpen.voiceplane.test', header: 'bergsee', baseDomain: BASE })).toBe(400);
  });
});
