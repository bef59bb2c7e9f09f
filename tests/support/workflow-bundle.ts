import type { WorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { workflowCoverage } from './workflow-coverage';

/** Set by the global setup to the platform's workflows, bundled once for the whole run. */
export const WORKFLOW_BUNDLE_ENV = 'TEST_WORKFLOW_BUNDLE';

/**
 * The platform's workflows for a test's worker or replay: the bundle the global setup made once (webpack takes
 * seconds of CPU per bundle, and most suites start a worker or replay a history), or the source without it. The
 * coverage sink comes along: an instrumented bundle reports through it (a worker refuses a bundle whose sink it
 * lacks), any other never calls it; in a worker's own process what it gathers is dropped.
 */
export function platformWorkflows():
  { workflowBundle: { codePath: string }; sinks: WorkerOptions['sinks'] } | { workflowsPath: string } {
  const codePath = process.env[WORKFLOW_BUNDLE_ENV];
  return codePath ? { workflowBundle: { codePath }, sinks: workflowCoverage.sinks } : { workflowsPath: WORKFLOWS_PATH };
}
