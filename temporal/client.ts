import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type QueryDefinition,
  type WorkflowHandle,
} from '@temporalio/client';

export interface TemporalTarget {
  address: string;
  namespace: string;
  taskQueue: string;
  uiUrl: string;
}

export async function connectTemporalClient(target: TemporalTarget): Promise<Client> {
  const connection = await Connection.connect({ address: target.address, connectTimeout: '5 seconds' });
  return new Client({ connection, namespace: target.namespace });
}

/** Address of a workflow in Temporal's Web UI. */
export const workflowUiLink = (target: TemporalTarget, workflowId: string): string =>
  `${target.uiUrl}/namespaces/${encodeURIComponent(target.namespace)}/workflows/${encodeURIComponent(workflowId)}`;

/** A run with the same workflow id already exists: the start was made before, which is what the caller wanted. */
export async function ignoringAlreadyStarted(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** The query's answer while the workflow runs; null once it has ended or when there is none. */
export async function queryWhileRunning<T>(handle: WorkflowHandle, query: QueryDefinition<T, []>): Promise<T | null> {
  try {
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') return null;
    return await handle.query(query);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}
