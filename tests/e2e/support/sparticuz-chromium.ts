import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/**
 * The headless Chromium shipped in the npm package `@sparticuz/chromium` (Linux x64 only), unpacked once per
 * machine and package version into the user cache. Only its files are used: its launch flags and environment set-up
 * are made for AWS Lambda.
 */

type Extract = (directory: string) => NodeJS.WritableStream;

/** Throws if the package is not installed: then the caller names the other ways to get a browser. */
function packageDir(): string {
  return path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
}

function cacheDir(version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'voiceplane', `chromium-${version}`);
}

async function unbrotli(archive: string, into: NodeJS.WritableStream) {
  await pipeline(fs.createReadStream(archive), createBrotliDecompress(), into);
}

/**
 * Unpacks into `into`, to be renamed to `finalDir`. The layout: `chromium` with SwiftShader's GL libraries beside it (where it looks for them), `lib/` (NSS and
 * Expat, built for Amazon Linux 2023, which the binary links against) and `fonts/` (Open Sans and a fontconfig file).
 */
async function unpack(packageDirectory: string, into: string, finalDir: string) {
  const bin = path.join(packageDirectory, 'bin');
  // tar-fs is the package's own dependency: loaded the way the package loads it.
  const { extract } = createRequire(path.join(packageDirectory, 'package.json'))('tar-fs') as { extract: Extract };
  await unbrotli(path.join(bin, 'chromium.br'), fs.createWriteStream(path.join(into, 'chromium'), { mode: 0o755 }));
  await unbrotli(path.join(bin, 'swiftshader.tar.br'), extract(into));
  await unbrotli(path.join(bin, 'al2023.tar.br'), extract(into));
  await unbrotli(path.join(bin, 'fonts.tar.br'), extract(path.join(into, 'fonts')));
  // The bundled fonts.conf points at Lambda's /tmp/fonts; this one points at the bundled fonts.
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(finalDir, 'fonts', 'fonts')}</dir>
  <cachedir>${path.join(finalDir, 'fonts', 'cache')}</cachedir>
</fontconfig>
`;
  await fs.promises.writeFile(path.join(into, 'fonts', 'fonts.conf'), config);
}

/** Unpacks into a fresh directory beside the cache entry and renames it into place, so a half-done copy never shows. */
async function ensureUnpacked(packageDirectory: string, version: string): Promise<string> {
  const target = cacheDir(version);
  if (fs.existsSync(path.join(target, 'chromium'))) return target;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const staging = await fs.promises.mkdtemp(`${target}.unpacking-`);
  try {
    await fs.promises.chmod(staging, 0o755);
    await unpack(packageDirectory, staging, target);
    await fs.promises.rename(staging, target);
  } catch (error) {
    // Another test worker may have renamed its copy into place first.
    if (!fs.existsSync(path.join(target, 'chromium'))) throw error;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
  return target;
}

/** The unpacked browser and what its process needs in its environment. */
export async function sparticuzChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const packageDirectory = packageDir();
  const { version } = JSON.parse(await fs.promises.readFile(path.join(packageDirectory, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = await ensureUnpacked(packageDirectory, version);
  const libraryPath = [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath: path.join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: libraryPath,
      // The system's fonts where it has a fontconfig set-up (as Debian's Chromium would use), else the bundled ones.
      ...(fs.existsSync('/etc/fonts/fonts.conf') ? {} : { FONTCONFIG_PATH: path.join(dir, 'fonts') }),
    },
  };
}
