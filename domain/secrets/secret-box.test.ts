import { createSecretBox, SealedSecretError, secretHint } from './secret-box';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);

describe('secret box', () => {
  it('opens what it sealed, and the sealed text shows nothing of the secret', () => {
    const box = createSecretBox(NEW);
    const sealed = box.seal('sk_eleven_abcdef123456', 'integration:1:api_key');
    expect(sealed).not.toContain('abcdef');
    expect(box.open(sealed, 'integration:1:api_key')).toBe('sk_eleven_abcdef123456');
  });

  it('seals the same secret differently each time (fresh nonce)', () => {
    const box = createSecretBox(NEW);
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('refuses a value moved to another context', () => {
    const box = createSecretBox(NEW);
    const sealed = box.seal('secret', 'integration:tenant-a:api_key');
    expect(() => box.open(sealed, 'integration:tenant-b:api_key')).toThrow(SealedSecretError);
  });

  it('refuses an altered value', () => {
    const box = createSecretBox(NEW);
    const parts = box.seal('secret-value', 'c').split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join(':'), 'c')).toThrow(SealedSecretError);
    expect(() => box.open('plain text', 'c')).toThrow(SealedSecretError);
  });

  it('rotates: the previous key still opens old values, new values carry the new key id', () => {
    const before = createSecretBox(OLD);
    const sealedBefore = before.seal('secret', 'c');
    const after = createSecretBox(NEW, [OLD]);
    expect(after.keyIdOf(sealedBefore)).toBe(before.currentKeyId);
    expect(after.keyIdOf(sealedBefore)).not.toBe(after.currentKeyId);
    expect(after.open(sealedBefore, 'c')).toBe('secret');
    const resealed = after.seal(after.open(sealedBefore, 'c'), 'c');
    expect(after.keyIdOf(resealed)).toBe(after.currentKeyId);
    expect(() => createSecretBox(NEW).open(sealedBefore, 'c')).toThrow(/not in the key ring/);
  });

  it('refuses short keys', () => {
    expect(() => createSecretBox('short')).toThrow(/32 characters/);
    expect(() => createSecretBox(NEW, ['short'])).toThrow(/32 characters/);
  });

  it('hints at a secret by its last four characters only', () => {
    expect(secretHint('sk_1234567890abcd')).toBe('••••abcd');
    expect(secretHint('short')).toBe('••••');
  });
});
