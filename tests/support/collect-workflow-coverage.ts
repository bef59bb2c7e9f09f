import path from 'node:path';
import { createCoverageMap, type CoverageMapData } from 'istanbul-lib-coverage';
import { workflowCoverage } from './workflow-coverage';

const scope = globalThis as { __coverage__?: CoverageMapData };
const REPO_ROOT = path.resolve(__dirname, '../..');
/**
 * Only the workflows' own files are taken from the bundle. Its positions are those of webpack's compiled JavaScript,
 * not of the TypeScript: for the domain helpers the workflows import, which Jest instruments from the source too,
 * merging them would add statements that do not exist (past the end of a file, on comment lines).
 */
const fromWorkflowsFolder = (file: string) => path.relative(REPO_ROOT, file).split(path.sep)[0] === 'workflows';

// After a test file, the counters its workflows reported join the file's own coverage (nothing without
// --coverage). Jest never instruments workflows/ (jest.config.js), so each of their files is added whole; the
// file's own counters are left in place, where the instrumented code keeps counting.
afterAll(() => {
  if (!scope.__coverage__ || workflowCoverage.coverageMapsData.length === 0) return;
  const fromWorkflows = createCoverageMap({});
  for (const data of workflowCoverage.coverageMapsData) fromWorkflows.merge(data);
  workflowCoverage.coverageMapsData = [];
  fromWorkflows.filter(fromWorkflowsFolder); // in place
  // Jest copies plain data, not the map's FileCoverage objects.
  Object.assign(scope.__coverage__, JSON.parse(JSON.stringify(fromWorkflows.toJSON())) as CoverageMapData);
});
