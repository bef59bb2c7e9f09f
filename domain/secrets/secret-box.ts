import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Provider keys a tenant gives the platform (its ElevenLabs key, webhook secrets) are stored sealed: AES-256-GCM
// under a key derived from SECRET_KEY. Each sealed value names the key that sealed it, so SECRET_KEY can be
// rotated: the previous keys still open old values until a rotation re-seals them under the current one.

const FORMAT = 'v1';
const SALT = 'voiceplane/secret-box';
const IV_BYTES = 12;

interface BoxKey {
  id: string;
  key: Buffer;
}

/** A sealed value that no key of the ring opens, or that was altered or moved to another context. */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}

export interface SecretBox {
  /** The id of the key new values are sealed under. */
  readonly currentKeyId: string;
  /**
   * Seals `plaintext` for one place (`context`, e.g. `integration:<id>:api_key`): a sealed value copied into
   * another row or tenant does not open there.
   */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The key id a sealed value names, without opening it (to find what a rotation still has to re-seal). */
  keyIdOf(sealed: string): string;
}

function deriveKey(secret: string): BoxKey {
  const derive = (info: string, length: number) => Buffer.from(hkdfSync('sha256', secret, SALT, info, length));
  return { id: derive('key-id', 6).toString('hex'), key: derive('aes-256-gcm', 32) };
}

/**
 * The box over a key ring: `currentSecret` seals, it and every `previousSecrets` entry open. Secrets shorter than
 * 32 characters are refused; start-up refuses a weak SECRET_KEY already, this guards every other caller.
 */
export function createSecretBox(currentSecret: string, previousSecrets: readonly string[] = []): SecretBox {
  for (const secret of [currentSecret, ...previousSecrets]) {
    if (secret.length < 32) throw new Error('A secret-box key needs at least 32 characters');
  }
  const current = deriveKey(currentSecret);
  const ring = new Map([current, ...previousSecrets.map(deriveKey)].map((key) => [key.id, key]));

  const parse = (sealed: string) => {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== FORMAT) throw new SealedSecretError('Not a sealed secret');
    const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
    return { keyId, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), body };
  };

  return {
    currentKeyId: current.id,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [FORMAT, current.id, iv, cipher.getAuthTag(), body];
      return parts.map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
    },
    open(sealed, context) {
      const { keyId, iv, tag, body } = parse(sealed);
      const key = ring.get(keyId);
      if (!key) throw new SealedSecretError(`Sealed under key ${keyId}, which is not in the key ring`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedSecretError('The sealed secret was altered or belongs to another context');
      }
    },
    keyIdOf: (sealed) => parse(sealed).keyId,
  };
}

/** What a person may see of a secret: its last four characters, the rest masked. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 8 ? '••••' : `••••${plaintext.slice(-4)}`;
}
