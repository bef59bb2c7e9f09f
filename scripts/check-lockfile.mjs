#!/usr/bin/env node
// Fails when package-lock.json lacks a platform binary that some locked package lists as optional.
// npm leaves such entries out when the registry lacks them, and `npm ci` then refuses the lockfile on every
// other platform (and sometimes on this one). Dependency-free so CI can run it before installing anything.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const packages = lock.packages ?? {};

/** Node's resolution: the nearest node_modules/<name> walking up from the dependent's folder. */
function resolves(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

const missing = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(location, name)) missing.push(`${name} (optional dependency of ${location || 'the root'})`);
  }
}

if (missing.length > 0) {
  console.error(`package-lock.json lacks ${missing.length} platform package(s):`);
  for (const line of missing) console.error(`  - ${line}`);
  console.error(
    'Pin the dependent to the newest version whose every platform binary the registry serves ' +
      '(`npm view <pkg>@<version>` for each optional dependency), then regenerate the lockfile from scratch: ' +
      'rm -rf node_modules package-lock.json && npm install',
  );
  process.exit(1);
}
console.log(`package-lock.json: every optional platform package of ${Object.keys(packages).length} entries is locked`);
