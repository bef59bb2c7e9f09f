import { readBotConfig } from './bot-config';
import { startVoiceBot } from './server';

// The process Heroku runs (`npm start`): its config vars are its environment, PORT is Heroku's.
async function main() {
  readBotConfig(process.env);
  const bot = await startVoiceBot({ port: Number(process.env.PORT ?? 8080), env: process.env });
  process.stdout.write(`${JSON.stringify({ level: 'info', event: 'voice_bot_listening', port: bot.port })}\n`);
  const stop = () => void bot.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
