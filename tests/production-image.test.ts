import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The Dockerfile's stages: each `FROM` starts one, with its instructions (continuation lines joined). */
function dockerStages(text: string) {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: { name: string; lines: string[] }[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[1] ?? `stage${stages.length}`, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

/** The entry points the image, the Procfile and docker-compose run. */
const ENTRIES = [
  'api/server.ts',
  'temporal/worker-main.ts',
  'scripts/db-migrate.ts',
  'scripts/db-seed.ts',
  'web/server.mjs',
  'ops/heroku-web.ts',
];

/** Every package a module graph loads at run time (type-only imports are erased, so they do not count). */
function runtimePackages(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.join(root, entry));
  const specifier =
    /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(specifier)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (spec.startsWith('.')) {
        const resolved = resolveLocal(path.resolve(path.dirname(file), spec));
        if (resolved) queue.push(resolved);
      } else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!found.has(name)) found.set(name, path.relative(root, file));
      }
    }
  }
  return found;
}

function resolveLocal(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}.js`, `${base}/index.ts`]) {
    if (existsSync(candidate) && !candidate.endsWith('.d.ts') && /\.(ts|tsx|mjs|js)$/.test(candidate)) return candidate;
  }
  return null;
}

describe('the production image', () => {
  const stages = dockerStages(readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  const runtime = stages.at(-1)!;

  it('builds in one stage and runs from another without dev dependencies, as a non-root user, running node directly', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((stage) => stage.lines.some((line) => /npm run web:build/.test(line)))!;
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);

    const installs = runtime.lines.filter((line) => /\bnpm (ci|install)\b/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/npm ci --omit=dev/);
    expect(runtime.lines).toContainEqual(expect.stringMatching(`^COPY --from=${build.name}\\b.*web/build`));

    const users = runtime.lines.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|$)/i);

    const cmd = runtime.lines.find((line) => /^CMD\s/.test(line))!;
    expect(JSON.parse(cmd.replace(/^CMD\s+/, ''))).toEqual(['node', '--import', 'tsx', 'api/server.ts']);
  });

  it('checks its health on the liveness route', () => {
    const healthcheck = runtime.lines.find((line) => /^HEALTHCHECK\s/.test(line))!;
    expect(healthcheck).toMatch(/CMD \["node"/);
    expect(healthcheck).toContain('/api/health/live');
  });

  it('needs no dev dependency at run time: every package its entry points load is a production dependency', () => {
    const packages = runtimePackages(ENTRIES);
    // The graph is the whole backend: a regex that stopped following imports would find far fewer.
    expect(packages.has('fastify')).toBe(true);
    expect(packages.has('@temporalio/worker')).toBe(true);
    expect(packages.has('@mikro-orm/postgresql')).toBe(true);
    const notProduction = [...packages]
      .filter(([name]) => !pkg.dependencies[name])
      .map(([name, file]) => `${name} (${file}${pkg.devDependencies[name] ? ', a devDependency' : ''})`);
    expect(notProduction).toEqual([]);
    // The loader the TypeScript entry points run under.
    expect(pkg.dependencies.tsx).toBeDefined();
  });
});
