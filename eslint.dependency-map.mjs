/**
 * The dependency map: which top-level folders each folder may import. Lower layers never import higher ones;
 * simulators and test support are imported only by tests, benches and scripts (decision 007).
 * Anything of the project not listed for a folder is refused; npm packages are not this map's business.
 */
export const MAY_IMPORT = {
  contracts: [],
  config: ['contracts'],
  db: ['config', 'contracts'],
  domain: ['db', 'config', 'contracts'],
  workflows: ['domain', 'contracts', 'activities (types only)', 'temporal/search-attributes'],
  // Activities write through domain use cases only; the ORM handle they pass on is a type.
  activities: ['domain', 'config', 'contracts', 'db (types only)'],
  // The worker registers workflows and activities; the client adapters start, signal and query workflows.
  temporal: ['workflows', 'activities', 'domain', 'db', 'config', 'contracts'],
  api: ['temporal', 'domain', 'db', 'config', 'contracts'],
  // The simulator runs the voice-bot runtime for the apps it "deploys".
  sim: ['config', 'contracts', 'runtime'],
  // The voice-bot runtime is a separate app that Heroku runs per bot: the platform's vocabulary only.
  runtime: ['contracts'],
  web: ['contracts'],
  // Deploy tooling reads the platform's settings vocabulary, never its code.
  ops: ['config', 'contracts'],
  scripts: ['*', 'sim', 'tests/support'],
  bench: ['*', 'sim', 'tests/support'],
};

const FOLDERS = ['contracts', 'config', 'db', 'domain', 'workflows', 'activities', 'temporal', 'api'];
const TOP_FOLDERS = [...FOLDERS, 'sim', 'runtime', 'web', 'ops', 'scripts', 'bench', 'tests'];

/** A relative import that climbs to the repository root and enters `path` (a folder, or a folder/file prefix). */
const entering = (path) => `^(\\.\\./)+${path}`;
const folderRegex = (folders) => `${entering(`(${folders.join('|')})`)}(/|$)`;

/** Restricted-import patterns that refuse every top-level folder `folder` may not import. */
function refusals(folder, { isTest }) {
  const allowed = MAY_IMPORT[folder];
  const shared = isTest || allowed.includes('tests/support');
  const anyLayer = allowed.includes('*');
  const message = `${folder}/ may import only ${allowedList(allowed, isTest)} (eslint.dependency-map.mjs).`;
  // An entry such as `temporal/search-attributes` lets part of a folder in; folder-specific patterns say which.
  const named = allowed.map((name) => name.split(/[ /]/)[0]);
  const refused = TOP_FOLDERS.filter(
    (other) =>
      other !== folder &&
      other !== 'tests' &&
      !(anyLayer && FOLDERS.includes(other)) &&
      !named.includes(other) &&
      !(other === 'sim' && shared),
  );
  const patterns = [{ regex: shared ? `${entering('tests')}(/(?!support/)|$)` : folderRegex(['tests']), message }];
  if (refused.length > 0) patterns.push({ regex: folderRegex(refused), message });
  return patterns;
}

function allowedList(allowed, isTest) {
  const names = allowed.map((name) => (name === '*' ? 'any layer' : name.replace(/^([^ ]+)/, '$1/')));
  if (isTest) names.push('sim/', 'tests/support/');
  return names.length > 0 ? names.join(', ') : 'itself';
}

/** Why a folder may import another one's types only (an entry `<folder> (types only)` in MAY_IMPORT). */
const TYPES_ONLY_REASONS = {
  workflows: { activities: 'Workflows import activities as types only (`import type`); proxyActivities runs them.' },
  activities: {
    db: 'Activities import db/ as types only (`import type`); their reads and writes are domain/ use cases.',
  },
};

/** Patterns that let `folder` import the folders it may see the types of, and refuse their code. */
const typesOnly = (folder) =>
  MAY_IMPORT[folder]
    .filter((name) => name.endsWith(' (types only)'))
    .map((name) => name.split(' ')[0])
    .map((other) => ({
      regex: folderRegex([other]),
      allowTypeImports: true,
      message: TYPES_ONLY_REASONS[folder]?.[other] ?? `${folder}/ imports ${other}/ as types only (\`import type\`).`,
    }));

/** Workflows may see activity signatures and search attribute keys, never the code behind them. */
const WORKFLOW_EXCEPTIONS = [
  {
    regex: `${entering('temporal')}(/(?!search-attributes$)|$)`,
    message: 'Workflows may import only temporal/search-attributes from temporal/.',
  },
];

const SOURCE = '**/*.{ts,tsx,js,mjs,cjs}';
const TESTS = '**/*.test.{ts,tsx}';

/**
 * Flat-config blocks enforcing the map with `@typescript-eslint/no-restricted-imports` (the core rule plus
 * `allowTypeImports`). `extra` adds a folder's own restrictions (paths and patterns), since one rule setting
 * per file wins in flat config.
 */
export function dependencyMapBlocks(extra = {}) {
  return Object.keys(MAY_IMPORT).flatMap((folder) =>
    [false, true].map((isTest) => {
      // Tests beside the code start workers and fakes: the layer's own extras and exceptions are for its code.
      const own = isTest ? {} : (extra[folder] ?? {});
      const patterns = [...refusals(folder, { isTest }), ...(own.patterns ?? [])];
      if (!isTest) patterns.push(...typesOnly(folder));
      if (folder === 'workflows' && !isTest) patterns.push(...WORKFLOW_EXCEPTIONS);
      return {
        files: [`${folder}/${isTest ? TESTS : SOURCE}`],
        ...(isTest ? {} : { ignores: [`${folder}/${TESTS}`] }),
        rules: {
          '@typescript-eslint/no-restricted-imports': ['error', { paths: own.paths ?? [], patterns }],
        },
      };
    }),
  );
}
