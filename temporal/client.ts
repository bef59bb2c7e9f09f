import { Client, Connection } from '@temporalio/client';

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
