import { Form, useNavigation } from 'react-router';

import type { ConversationSyncStatus } from '@contracts/integration-sync';
import { Alert } from '~/components/ui/alert';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { ExternalLink } from '~/components/external-link';
import type { ApiProblem } from '~/lib/api.server';
import { formatDateTime, formatNumber } from '~/lib/format';

type SyncRead = { data: ConversationSyncStatus; error: null } | { data: null; error: ApiProblem };

/** The periodic sync that finds conversations the webhook missed; absent or failing, the page says so. */
export function SyncPanel({ sync, mayManage }: { sync: SyncRead; mayManage: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const status = sync.data;
  return (
    <Card>
      <CardHeader
        title="Conversation sync"
        description="Every few minutes VoicePlane asks ElevenLabs for conversations a webhook did not bring."
        actions={
          mayManage && status ? (
            <Form method="post">
              <input type="hidden" name="intent" value="sync" />
              <Button type="submit" variant="secondary" size="sm" disabled={busy || status.running !== null}>
                {status.running ? 'Syncing…' : 'Sync now'}
              </Button>
            </Form>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {status ? <SyncDetails status={status} /> : <SyncUnavailable problem={sync.error} />}
      </CardBody>
    </Card>
  );
}

function SyncDetails({ status }: { status: ConversationSyncStatus }) {
  const state = status.running ? (
    <Badge tone="blue" pulse>
      Running
    </Badge>
  ) : status.paused ? (
    <Badge tone="amber">Paused</Badge>
  ) : status.scheduled ? (
    <Badge tone="green">Scheduled</Badge>
  ) : (
    <Badge>Not scheduled</Badge>
  );
  return (
    <>
      <p>{state}</p>
      {status.lastError ? (
        <Alert tone="error" title="The last sync failed">
          {status.lastError}
        </Alert>
      ) : null}
      <DetailList
        items={[
          { label: 'Last sync', value: status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : 'Never' },
          { label: 'Next sync', value: status.nextSyncAt ? formatDateTime(status.nextSyncAt) : '—' },
          { label: 'Found by the last sync', value: formatNumber(status.lastFound) },
          {
            label: 'Now',
            value: status.running
              ? `${formatNumber(status.running.pages)} pages, ${formatNumber(status.running.seen)} seen, ${formatNumber(status.running.found)} new`
              : 'Idle',
          },
        ]}
      />
      {status.temporalUrl ? <ExternalLink href={status.temporalUrl}>Open in Temporal</ExternalLink> : null}
    </>
  );
}

function SyncUnavailable({ problem }: { problem: ApiProblem | null }) {
  const message =
    problem?.status === 503
      ? 'The sync status cannot be read right now; try again in a moment.'
      : (problem?.detail ?? 'The sync status cannot be read.');
  return <p className="text-sm text-slate-600">{message}</p>;
}
