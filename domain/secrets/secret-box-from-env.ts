import type { Env } from '../../config/env';
import { createSecretBox, type SecretBox } from './secret-box';

/** The platform's secret box: SECRET_BOX_KEY (else SECRET_KEY) seals, SECRET_BOX_PREVIOUS_KEYS still open. */
export function secretBoxFromEnv(env: Env, secretKey: string): SecretBox {
  return createSecretBox(env.SECRET_BOX_KEY ?? secretKey, env.SECRET_BOX_PREVIOUS_KEYS);
}
