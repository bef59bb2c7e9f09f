import path from 'node:path';
import { ESLint } from 'eslint';

// Plants one import in a file of a given folder and asks the project's ESLint config whether the map refuses it.
const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: path.join(__dirname, '..') });

async function refusedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // An ignored or unparsable file would pass every "allows" case without being checked.
  const unchecked = messages.find((message) => message.ruleId === null);
  if (unchecked) throw new Error(`${filePath} was not linted: ${unchecked.message}`);
  return messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('the dependency map', () => {
  it.each([
    ['domain → api', 'domain/planted.ts', "import { buildApp } from '../api/app';"],
    ['domain → temporal', 'domain/bots/planted.ts', "import { connectTemporalClient } from '../../temporal/client';"],
    ['db → activities', 'db/planted.ts', "import { createOnboardingActivities } from '../activities/onboarding';"],
    [
      'db → domain (the old cycle)',
      'db/entities/planted.ts',
      "import { tenantMayAddBots } from '../../domain/tenants/tenant-status';",
    ],
    ['config → db', 'config/planted.ts', "import { createOrm } from '../db/orm';"],
    ['config → domain', 'config/planted.ts', "import { hashPassword } from '../domain/auth/password';"],
    ['contracts → config', 'contracts/planted.ts', "import { loadEnv } from '../config/load-env';"],
    ['api → sim', 'api/routes/planted.ts', "import { startSimulator } from '../../sim/start-simulator';"],
    [
      'api → activities',
      'api/planted.ts',
      "import { createTwilioNumbers } from '../activities/adapters/twilio-numbers';",
    ],
    ['api → workflows', 'api/planted.ts', "import { provisionBot } from '../workflows/provision-bot';"],
    ['activities → sim', 'activities/planted.ts', "import { SIMULATOR_AUTH_TOKEN } from '../sim/twilio/credentials';"],
    ['activities → api', 'activities/planted.ts', "import { buildApp } from '../api/app';"],
    [
      'activities → db code (writes are domain use cases)',
      'activities/planted.ts',
      "import { inScope } from '../db/scope';",
    ],
    ['activities → db entities', 'activities/adapters/planted.ts', "import { Bot } from '../../db/entities';"],
    ['workflows → db', 'workflows/planted.ts', "import { createOrm } from '../db/orm';"],
    ['workflows → config', 'workflows/planted.ts', "import { loadEnv } from '../config/load-env';"],
    [
      'workflows → activity code',
      'workflows/planted.ts',
      "import { createOnboardingActivities } from '../activities/onboarding';",
    ],
    [
      'workflows → temporal client',
      'workflows/planted.ts',
      "import { connectTemporalClient } from '../temporal/client';",
    ],
    ['temporal → api', 'temporal/planted.ts', "import type { AppDeps } from '../api/app-deps';"],
    ['sim → api', 'sim/planted.ts', "import { buildApp } from '../api/app';"],
    ['sim → domain', 'sim/twilio/planted.ts', "import { hashPassword } from '../../domain/auth/password';"],
    ['domain → test support', 'domain/planted.ts', "import { createHarness } from '../tests/support/harness';"],
    ['bench → a test file', 'bench/planted.ts', "import '../tests/onboarding.test';"],
    ['web → domain', 'web/app/lib/planted.ts', "import { hashPassword } from '../../../domain/auth/password';"],
    [
      'workflows → a Node built-in (their own extra rule)',
      'workflows/planted.ts',
      "import { readFileSync } from 'node:fs';",
    ],
    ['workflows → the Temporal client SDK', 'workflows/planted.ts', "import { Client } from '@temporalio/client';"],
    ['web → a contract schema as a value', 'web/app/lib/planted.ts', "import { BotView } from '@contracts/bots';"],
    ['a domain test → api', 'domain/planted.test.ts', "import { buildApp } from '../api/app';"],
    // The voice-bot runtime is an app of its own: it sees the platform's vocabulary and nothing else sees it.
    ['runtime → domain', 'runtime/voice-bot/src/planted.ts', "import '../../../domain/usage/bot-signature';"],
    ['runtime → config', 'runtime/voice-bot/src/planted.ts', "import { loadEnv } from '../../../config/load-env';"],
    [
      'runtime → activities',
      'runtime/voice-bot/src/speech/planted.ts',
      "import '../../../../activities/adapters/twilio-numbers';",
    ],
    ['runtime → sim', 'runtime/voice-bot/src/planted.ts', "import '../../../sim/start-simulator';"],
    ['a runtime test → api', 'runtime/voice-bot/src/planted.test.ts', "import { buildApp } from '../../../api/app';"],
    ['api → runtime', 'api/planted.ts', "import { startVoiceBot } from '../runtime/voice-bot/src/server';"],
    ['domain → runtime', 'domain/planted.ts', "import '../runtime/voice-bot/src/stream-token';"],
    ['ops → domain', 'ops/planted.ts', "import { hashPassword } from '../domain/auth/password';"],
  ])('refuses %s', async (_direction, filePath, code) => {
    expect(await refusedImports(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['api → domain', 'api/planted.ts', "import { createBot } from '../domain/bots/create-bot';"],
    ['api → temporal client adapters', 'api/planted.ts', "import { connectTemporalClient } from '../temporal/client';"],
    [
      'activities → domain, and db types',
      'activities/planted.ts',
      "import '../domain/audit/record-audit';\nimport type { Orm } from '../db/orm';",
    ],
    ['domain → db and contracts', 'domain/planted.ts', "import '../db/orm';\nimport '../contracts/roles';"],
    ['db → contracts', 'db/entities/planted.ts', "import { ROLES } from '../../contracts/roles';"],
    ['config → contracts', 'config/planted.ts', "import { passwordProblems } from '../contracts/password-policy';"],
    [
      'workflows → activity types',
      'workflows/planted.ts',
      "import type { OnboardingActivities } from '../activities/onboarding';",
    ],
    [
      'workflows → search attributes',
      'workflows/planted.ts',
      "import { TenantIdAttribute } from '../temporal/search-attributes';",
    ],
    [
      'temporal → workflows and activities',
      'temporal/planted.ts',
      "import '../workflows/provision-bot';\nimport '../activities';",
    ],
    ['a test beside activities → sim', 'activities/adapters/planted.test.ts', "import '../../sim/start-simulator';"],
    [
      'bench → test support, api and sim',
      'bench/planted.ts',
      "import '../tests/support/harness';\nimport '../api/app';\nimport '../sim/sim-control';",
    ],
    ['scripts → sim', 'scripts/planted.ts', "import { startSimulator } from '../sim/start-simulator';"],
    [
      'web → contract types and vocabulary values',
      'web/app/lib/planted.ts',
      "import type { BotView } from '@contracts/bots';\nimport { BOT_STATUSES } from '@contracts/bot-status';",
    ],
    [
      'runtime → contracts',
      'runtime/voice-bot/src/planted.ts',
      "import { UsageReportBody } from '../../../contracts/usage';",
    ],
    ['sim → runtime', 'sim/heroku/planted.ts', "import { startVoiceBot } from '../../runtime/voice-bot/src/server';"],
    ['ops → config', 'ops/planted.ts', "import { loadEnv } from '../config/load-env';"],
  ])('allows %s', async (_direction, filePath, code) => {
    expect(await refusedImports(filePath, code)).toEqual([]);
  });
});
