import type { WorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { bundleIsInstrumented, workflowCoverage } from './workflow-coverage';

/** Set by the global setup to the platform's workflows, bundled once for the whole run. */
export const WORKFLOW_BUNDLE_ENV = 'TEST_WORKFLOW_BUNDLE';

/**
 * The platform's workflows for a test's worker or replay: the bundle the global setup made once (webpack takes
 * seconds of CPU per bundle, and most suites start a worker or replay a history), or the source without it. With
 * an instrumented bundle, the sink its workflows report coverage through comes along.
 */
export function platformWorkflows():
  { workflowBundle: { codePath: string }; sinks?: WorkerOptions['sinks'] } | { workflowsPath: string } {
  const codePath = process.env[WORKFLOW_BUNDLE_ENV];
  if (!codePath) return { workflowsPath: WORKFLOWS_PATH };
  return { workflowBundle: { codePath }, ...(bundleIsInstrumented() ? { sinks: workflowCoverage.sinks } : {}) };
}

/**
 * The workflows for a worker in another process (`worker-entry.ts`): the shared bundle, or the source when the
 * bundle is instrumented, since that process has no coverage sink to report to.
 */
export function childProcessWorkflows(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const codePath = process.env[WORKFLOW_BUNDLE_ENV];
  return codePath && !bundleIsInstrumented() ? { workflowBundle: { codePath } } : { workflowsPath: WORKFLOWS_PATH };
}
