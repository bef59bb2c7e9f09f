import { WorkflowCoverage } from '@temporalio/nyc-test-coverage';

/**
 * Coverage of the workflows, which run in Temporal's sandbox from a bundle Jest never transforms: with
 * `--coverage` the global setup instruments the bundle, the workflows send their counters through a sink after
 * each activation, and `collect-workflow-coverage.ts` merges them into the test file's coverage when it ends.
 * One instance per test file (Jest loads this module once per file).
 */
export const workflowCoverage = new WorkflowCoverage();
