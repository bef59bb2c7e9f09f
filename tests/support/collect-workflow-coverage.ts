import path from 'node:path';
import { createCoverageMap, type CoverageMapData } from 'istanbul-lib-coverage';
import { workflowCoverage } from './workflow-coverage';

const scope = globalThis as { __coverage__?: CoverageMapData };
const REPO_ROOT = path.resolve(__dirname, '../..');
/** The gate's directories (jest.config.js); the bundle also instruments the contracts and helpers workflows import. */
const GATED = /^(domain|activities|workflows|api)\//;
const gated = (file: string) => GATED.test(path.relative(REPO_ROOT, file).split(path.sep).join('/'));

// After a test file, the counters its workflows reported join the file's own coverage (nothing without
// --coverage). Jest copies plain data, not the map's FileCoverage objects, hence the JSON round trip.
afterAll(() => {
  if (!scope.__coverage__ || workflowCoverage.coverageMapsData.length === 0) return;
  const fromWorkflows = createCoverageMap({});
  for (const data of workflowCoverage.coverageMapsData) fromWorkflows.merge(data);
  workflowCoverage.coverageMapsData = [];
  fromWorkflows.filter(gated); // in place
  const map = createCoverageMap(scope.__coverage__);
  map.merge(fromWorkflows);
  scope.__coverage__ = JSON.parse(JSON.stringify(map.toJSON())) as CoverageMapData;
});
