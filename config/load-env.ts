import { config as loadDotenv } from 'dotenv';
import { EnvError, parseEnv, type Env } from './env';

let cached: Env | undefined;

/** The one place that reads `process.env`: loads `.env` when present, validates, and exits on invalid input. */
export function loadEnv(): Env {
  if (cached) return cached;
  loadDotenv({ quiet: true });
  try {
    cached = parseEnv(process.env);
    return cached;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
