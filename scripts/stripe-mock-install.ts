import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { goInstall, isExecutable, toolCacheDir } from '../temporal/local-tools';

/**
 * Stripe's own mock server, which checks every request against Stripe's OpenAPI spec: the shape test
 * (tests/stripe-billing-shapes.test.ts) runs the Stripe adapter against it. Built with Go once per machine.
 */
export const STRIPE_MOCK_VERSION = '0.203.0';
const GO_PACKAGE = `github.com/stripe/stripe-mock@v${STRIPE_MOCK_VERSION}`;

/** The same user-level cache as the Temporal CLI, so every clone on the machine reuses one build. */
const stripeMockBinary = (): string => path.join(toolCacheDir(`stripe-mock-${STRIPE_MOCK_VERSION}`), 'stripe-mock');

/** The cached binary, built with `go install` into the cache when missing; throws saying how to provide it. */
export async function installStripeMock(log: (line: string) => void = () => undefined): Promise<string> {
  const binary = stripeMockBinary();
  if (isExecutable(binary)) return binary;
  await mkdir(path.dirname(binary), { recursive: true });
  if (await goInstall(GO_PACKAGE, binary, log)) return binary;
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
