import { simulatorStripeWebhookUrl } from '../config/env';
import { loggerOptions } from '../config/logger';
import { loadEnv } from '../config/load-env';
import { onShutdown } from '../config/runtime';
import { startSimulator } from './start-simulator';

async function main(): Promise<void> {
  const env = loadEnv();
  const simulator = await startSimulator({
    port: env.SIM_PORT,
    host: env.SIM_HOST,
    stripeWebhookUrl: simulatorStripeWebhookUrl(env),
    logger: loggerOptions(env.LOG_LEVEL, { pretty: env.APP_ENV === 'development' }),
  });
  simulator.app.log.info(`provider simulator on ${simulator.url} (state: ${simulator.url}/_sim/state)`);
  onShutdown(simulator.stop);
}

main().catch((error: unknown) => {
  console.error('Simulator failed to start:', error);
  process.exit(1);
});
