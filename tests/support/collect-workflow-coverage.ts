import { createCoverageMap, type CoverageMapData } from 'istanbul-lib-coverage';
import { workflowCoverage } from './workflow-coverage';

const scope = globalThis as { __coverage__?: CoverageMapData };

// After a test file, the counters its workflows reported join the file's own coverage (nothing without
// --coverage). Jest copies plain data, not the map's FileCoverage objects, hence the JSON round trip.
afterAll(() => {
  if (!scope.__coverage__ || workflowCoverage.coverageMapsData.length === 0) return;
  const map = createCoverageMap(scope.__coverage__);
  for (const data of workflowCoverage.coverageMapsData) map.merge(data);
  workflowCoverage.coverageMapsData = [];
  scope.__coverage__ = JSON.parse(JSON.stringify(map.toJSON())) as CoverageMapData;
});
