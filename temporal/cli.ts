import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { goInstall, isExecutable, onPath, toolCacheDir } from './local-tools';

const run = promisify(execFile);

/** The Temporal CLI release the project uses; later tags cannot be `go install`ed (go.mod replace directive). */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;
const RELEASE_URL = (os: string, arch: string) =>
  `https://github.com/temporalio/cli/releases/download/v${TEMPORAL_CLI_VERSION}/temporal_cli_${TEMPORAL_CLI_VERSION}_${os}_${arch}.tar.gz`;

/** A user-level cache, so every clone on the machine (CI's included) reuses one build of the CLI. */
export const cliCacheDir = (): string => toolCacheDir(`temporal-cli-${TEMPORAL_CLI_VERSION}`);

async function download(target: string, log: (line: string) => void): Promise<boolean> {
  const os = process.platform === 'darwin' ? 'darwin' : 'linux';
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  const url = RELEASE_URL(os, arch);
  try {
    log(`downloading the Temporal CLI from ${url}`);
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const archive = `${target}.tar.gz`;
    await writeFile(archive, Buffer.from(await response.arrayBuffer()));
    await run('tar', ['-xzf', archive, '-C', path.dirname(target), 'temporal']);
    await rm(archive, { force: true });
    await chmod(target, 0o755);
    return isExecutable(target);
  } catch (error) {
    log(`download failed (${(error as Error).message})`);
    return false;
  }
}

/**
 * Finds the Temporal CLI: `TEMPORAL_CLI`, then `temporal` on PATH, then the user cache, then the official
 * release download, then `go install`. Throws with every way to provide it when none works.
 */
export async function findOrObtainTemporalCli(
  options: { explicitPath?: string; log?: (line: string) => void } = {},
): Promise<string> {
  const log = options.log ?? (() => undefined);
  if (options.explicitPath) {
    if (isExecutable(options.explicitPath)) return options.explicitPath;
    throw new Error(`TEMPORAL_CLI=${options.explicitPath} is not an executable file`);
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = path.join(cliCacheDir(), 'temporal');
  if (existsSync(cached) && isExecutable(cached)) return cached;
  await mkdir(cliCacheDir(), { recursive: true });
  if ((await download(cached, log)) || (await goInstall(GO_PACKAGE, cached, log))) return cached;
  throw new Error(
    [
      'The Temporal CLI was not found and could not be obtained. Provide it in one of these ways:',
      `  1. install it and put \`temporal\` on PATH, or point TEMPORAL_CLI at the binary;`,
      `  2. allow the download of ${RELEASE_URL('linux', 'amd64')};`,
      `  3. install Go and run: GOBIN=${cliCacheDir()} go install ${GO_PACKAGE}`,
    ].join('\n'),
  );
}
