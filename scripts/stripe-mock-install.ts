import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Stripe's own mock server, which checks every request against Stripe's OpenAPI spec: the shape test
 * (tests/stripe-billing-shapes.test.ts) runs the Stripe adapter against it. Built with Go once per machine.
 */
export const STRIPE_MOCK_VERSION = '0.203.0';
const GO_PACKAGE = `github.com/stripe/stripe-mock@v${STRIPE_MOCK_VERSION}`;

/** The same user-level cache as the Temporal CLI, so every clone on the machine reuses one build. */
export function stripeMockBinary(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'voiceplane', `stripe-mock-${STRIPE_MOCK_VERSION}`, 'stripe-mock');
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** The cached binary, built with `go install` into the cache when missing; throws saying how to provide it. */
export async function installStripeMock(log: (line: string) => void = () => undefined): Promise<string> {
  const binary = stripeMockBinary();
  if (isExecutable(binary)) return binary;
  const go = onPath('go');
  if (go) {
    await mkdir(path.dirname(binary), { recursive: true });
    log(`building stripe-mock with: go install ${GO_PACKAGE}`);
    try {
      await run(go, ['install', GO_PACKAGE], {
        env: { ...process.env, GOBIN: path.dirname(binary), CGO_ENABLED: '0' },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      log(`go install failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    }
    if (isExecutable(binary)) return binary;
  }
  throw new Error(
    [
      'stripe-mock could not be built. Install Go (https://go.dev/dl/) and run:',
      `  GOBIN=${path.dirname(binary)} go install ${GO_PACKAGE}`,
    ].join('\n'),
  );
}

// `npm run stripe-mock:install` (CI runs it before the tests); importing the module only reads the path.
if (require.main === module) {
  installStripeMock((line) => console.log(line))
    .then((binary) => console.log(`stripe-mock ${STRIPE_MOCK_VERSION}: ${binary}`))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
