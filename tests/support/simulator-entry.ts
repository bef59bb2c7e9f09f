// The provider simulator in its own process: a benchmark's load generator (the simulated Twilio that signs and
// sends the webhooks) then does not share the API's event loop, as Twilio's servers would not.
import { startSimulator } from '../../sim/start-simulator';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startSimulator>[0];
  const simulator = await startSimulator({ ...options, port: 0 });
  process.stdout.write(`simulator-ready ${simulator.url}\n`);
}

void main();
