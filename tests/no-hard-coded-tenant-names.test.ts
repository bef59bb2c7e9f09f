import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * No tenant's name is written into the product (seed 003 S2: "Kein Agent nennt mehr GetImpulse Berlin"): bots take
 * names from their tenant's prompt settings. The demo tenant's names live only in the seed and demo data, and in
 * tests.
 */
const ROOT = path.join(__dirname, '..');
const SCANNED = ['domain', 'activities', 'workflows', 'api', 'temporal', 'contracts', 'config', 'db', 'web/app', 'sim'];
const SEED = path.join(ROOT, 'domain', 'seed.ts');

/** Seed and demo data files, and tests, may name demo tenants. */
const mayNameTenants = (file: string) =>
  /\.test\.tsx?$/.test(file) ||
  file === SEED ||
  /(^|[/\\])(seed|demo)([-.][^/\\]*)?\.(ts|tsx|json)$/.test(file) ||
  /[/\\](seed|demo|fixtures)[/\\]/.test(file);

/** The examples seed 003 was written against, and the agents' names it replaces. */
const SEED_DOCUMENT_NAMES = ['GetImpulse', 'SportPark', 'ARIIA', 'SPORTIE'];

/** The demo tenant's name and product name as domain/seed.ts spells them. */
function demoTenantNames(): string[] {
  const seed = readFileSync(SEED, 'utf8');
  const tenantBlock = /em\.create\(Tenant, \{([\s\S]*?)\}\)/.exec(seed)?.[1] ?? '';
  const names = [
    ...[...tenantBlock.matchAll(/\bname: '([^']+)'/g)].map((match) => match[1]!),
    ...[...seed.matchAll(/\bproductName: '([^']+)'/g)].map((match) => match[1]!),
  ];
  // "Demo Voice GmbH" as a whole, and what callers would hear of it ("Demo Voice").
  return [...new Set(names.flatMap((name) => [name, name.replace(/\s+(GmbH|AG|Ltd|Inc)\.?$/i, '')]))];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'build', '.cache'].includes(entry.name) ? [] : filesUnder(full);
    return /\.(ts|tsx|mjs|js|json|sql|txt|md)$/.test(entry.name) ? [full] : [];
  });
}

const occurrences = (files: string[], names: string[]) =>
  files.flatMap((file) => {
    const text = readFileSync(file, 'utf8').toLowerCase();
    return names
      .filter((name) => text.includes(name.toLowerCase()))
      .map((name) => `${path.relative(ROOT, file)}: ${name}`);
  });

describe('no tenant name is hard-coded', () => {
  const names = [...demoTenantNames(), ...SEED_DOCUMENT_NAMES];

  it('reads the demo tenant’s names from the seed (so the check below has something to look for)', () => {
    expect(names).toEqual(expect.arrayContaining(['Demo Voice GmbH', 'Demo Voice']));
    expect(occurrences([SEED], names)).not.toEqual([]);
  });

  it('finds none of them in the product’s source outside seed and demo data', () => {
    const files = SCANNED.flatMap((dir) => filesUnder(path.join(ROOT, dir))).filter((file) => !mayNameTenants(file));
    expect(files.length).toBeGreaterThan(100);
    expect(occurrences(files, names)).toEqual([]);
  });
});
