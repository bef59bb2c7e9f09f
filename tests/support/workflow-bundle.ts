import { WORKFLOWS_PATH } from '../../temporal/worker';

/** Set by the global setup to the platform's workflows, bundled once for the whole run. */
export const WORKFLOW_BUNDLE_ENV = 'TEST_WORKFLOW_BUNDLE';

/**
 * The platform's workflows for a test's worker or replay: the bundle the global setup made once (webpack takes
 * seconds of CPU per bundle, and most suites start a worker or replay a history), or the source without it.
 */
export function platformWorkflows(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = sharedWorkflowBundle();
  return bundle ? { workflowBundle: bundle } : { workflowsPath: WORKFLOWS_PATH };
}

/** The shared bundle for `createWorker`'s `bundle` option (undefined: the worker bundles the source itself). */
export function sharedWorkflowBundle(): { codePath: string } | undefined {
  const codePath = process.env[WORKFLOW_BUNDLE_ENV];
  return codePath ? { codePath } : undefined;
}
