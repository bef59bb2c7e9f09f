// Prints the coverage of each gated directory and of all of them, from Jest's coverage/coverage-summary.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const summary = JSON.parse(readFileSync(new URL('../coverage/coverage-summary.json', import.meta.url), 'utf8'));
const root = path.resolve(new URL('..', import.meta.url).pathname);
const metrics = ['lines', 'branches', 'statements', 'functions'];
const byDirectory = new Map();
for (const [file, figures] of Object.entries(summary)) {
  if (file === 'total') continue;
  const directory = path.relative(root, file).split(path.sep)[0];
  const sums = byDirectory.get(directory) ?? Object.fromEntries(metrics.map((m) => [m, { covered: 0, total: 0 }]));
  for (const m of metrics) {
    sums[m].covered += figures[m].covered;
    sums[m].total += figures[m].total;
  }
  byDirectory.set(directory, sums);
}
const percent = ({ covered, total }) => `${total ? ((100 * covered) / total).toFixed(2) : '—'} %`.padStart(12);
console.log(`\ncoverage       ${metrics.map((m) => m.padStart(12)).join('')}`);
for (const [directory, sums] of [...byDirectory].sort()) {
  console.log(`  ${directory.padEnd(13)}${metrics.map((m) => percent(sums[m])).join('')}`);
}
console.log(`  ${'all'.padEnd(13)}${metrics.map((m) => percent(summary.total[m])).join('')}`);
