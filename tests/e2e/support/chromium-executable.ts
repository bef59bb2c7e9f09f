import fs from 'node:fs';

import { sparticuzChromium } from './sparticuz-chromium';

export interface ChromiumExecutable {
  executablePath: string;
  /** Variables the browser process needs on top of this process' environment. */
  env: Record<string, string>;
}

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

const HOW_TO_GET_ONE = [
  'set CHROMIUM_PATH to a Chromium or Chrome executable',
  `install one at ${SYSTEM_CHROMIUMS.join(', ')} (e.g. \`apt-get install -y chromium\`)`,
  'or, on Linux x64, `npm install` the devDependency @sparticuz/chromium, which ships one',
];

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else a system Chromium or Chrome, else the one inside
 * the @sparticuz/chromium package (unpacked into the user cache on first use).
 */
export async function findChromium(): Promise<ChromiumExecutable> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return { executablePath: explicit, env: {} };
    throw new Error(`CHROMIUM_PATH is ${explicit}, which is not an executable file (unset it to look elsewhere)`);
  }
  const system = SYSTEM_CHROMIUMS.find(isExecutable);
  if (system) return { executablePath: system, env: {} };

  let reason = `@sparticuz/chromium ships Linux x64 only, this is ${process.platform} ${process.arch}`;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      return await sparticuzChromium();
    } catch (error) {
      reason = `@sparticuz/chromium could not be used: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  throw new Error(`No Chromium for the browser tests (${reason}). To get one, ${HOW_TO_GET_ONE.join('; ')}.`);
}
