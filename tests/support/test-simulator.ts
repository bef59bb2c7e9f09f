import { randomInt } from 'node:crypto';
import { startSimulator } from '../../sim/start-simulator';

/**
 * A simulator of the suite's own, with a random six-digit exchange: suites share one database, where a phone
 * number may belong to one bot only, just as real numbers are unique.
 */
export const startTestSimulator = (appSetupDelayMs = 50) =>
  startSimulator({ port: 0, appSetupDelayMs, numberExchange: String(randomInt(100_000, 1_000_000)) });
