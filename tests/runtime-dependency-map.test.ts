import path from 'node:path';
import { ESLint } from 'eslint';

// The voice-bot runtime's zone of the dependency map (eslint.dependency-map.mjs), checked as
// tests/dependency-map.test.ts checks the others: plant one import, ask the project's ESLint config.
const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: path.join(__dirname, '..') });

async function refusedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const unchecked = messages.find((message) => message.ruleId === null);
  if (unchecked) throw new Error(`${filePath} was not linted: ${unchecked.message}`);
  return messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('the voice-bot runtime in the dependency map', () => {
  it.each([
    ['runtime → domain', 'runtime/voice-bot/src/planted.ts', "import '../../../domain/usage/bot-signature';"],
    ['runtime → config', 'runtime/voice-bot/src/planted.ts', "import { loadEnv } from '../../../config/load-env';"],
    [
      'runtime → activities',
      'runtime/voice-bot/src/speech/planted.ts',
      "import '../../../../activities/adapters/speech/mock-adapters';",
    ],
    ['runtime → sim', 'runtime/voice-bot/src/planted.ts', "import '../../../sim/start-simulator';"],
    ['a runtime test → api', 'runtime/voice-bot/src/planted.test.ts', "import { buildApp } from '../../../api/app';"],
    ['api → runtime', 'api/planted.ts', "import { startVoiceBot } from '../runtime/voice-bot/src/server';"],
    ['activities → runtime', 'activities/planted.ts', "import '../runtime/voice-bot/src/mulaw';"],
    ['domain → runtime', 'domain/planted.ts', "import '../runtime/voice-bot/src/stream-token';"],
  ])('refuses %s', async (_direction, filePath, code) => {
    expect(await refusedImports(filePath, code)).toHaveLength(1);
  });

  it.each([
    [
      'runtime → contracts',
      'runtime/voice-bot/src/planted.ts',
      "import { UsageReportBody } from '../../../contracts/usage';",
    ],
    ['sim → runtime', 'sim/heroku/planted.ts', "import { startVoiceBot } from '../../runtime/voice-bot/src/server';"],
    ['a test → runtime', 'tests/planted.test.ts', "import { startVoiceBot } from '../runtime/voice-bot/src/server';"],
  ])('allows %s', async (_direction, filePath, code) => {
    expect(await refusedImports(filePath, code)).toEqual([]);
  });
});
