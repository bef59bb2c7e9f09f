import { Form, useNavigation } from 'react-router';

import type { IntegrationView } from '@contracts/integrations';
import { Alert } from '~/components/ui/alert';
import { Badge, type Tone } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { formatDateTime, humanize } from '~/lib/format';

const STATUS: Record<IntegrationView['status'], { tone: Tone; label: string }> = {
  active: { tone: 'green', label: 'Active' },
  error: { tone: 'red', label: 'Error' },
  unverified: { tone: 'amber', label: 'Not tested' },
};

/** The connection's state: status badge, last check and its error, the plan and what the key cannot do. */
export function ConnectionCard({
  integration,
  mayManage,
}: {
  integration: IntegrationView | null;
  mayManage: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const testing = busy && navigation.formData?.get('intent') === 'test';
  if (!integration) {
    return (
      <Card>
        <CardHeader title="ElevenLabs" description="Not connected" />
        <CardBody>
          <p className="text-sm text-slate-600">
            Save an ElevenLabs API key to monitor your agents. Create one in ElevenLabs under Developers → API keys; it
            needs at least read access to the Agents platform (<code>convai_read</code>).
          </p>
        </CardBody>
      </Card>
    );
  }
  const status = STATUS[integration.status];
  const detail = integration.checkDetail;
  return (
    <Card>
      <CardHeader
        title="ElevenLabs"
        description="Your connection"
        actions={
          mayManage ? (
            <Form method="post">
              <input type="hidden" name="intent" value="test" />
              <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                {testing ? 'Testing…' : 'Test connection'}
              </Button>
            </Form>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        <p data-testid="integration-status">
          <Badge tone={status.tone}>{status.label}</Badge>
        </p>
        {integration.lastError ? (
          <Alert tone="error" title="The last test failed">
            {integration.lastError}
          </Alert>
        ) : null}
        <DetailList
          items={[
            { label: 'API key', value: <code>{integration.keyHint}</code> },
            {
              label: 'Webhook secret',
              value: integration.webhookSecretHint ? <code>{integration.webhookSecretHint}</code> : 'Not saved',
            },
            {
              label: 'Last test',
              value: integration.lastCheckedAt ? formatDateTime(integration.lastCheckedAt) : 'Never',
            },
            { label: 'Plan', value: detail?.tier ? humanize(detail.tier) : '—' },
          ]}
        />
        {detail?.limitations.length ? (
          <Alert tone="warning" title="What this key cannot do">
            <ul className="list-disc space-y-1 pl-5">
              {detail.limitations.map((limitation) => (
                <li key={limitation}>{limitation}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {mayManage ? <RemoveConnection busy={busy} /> : null}
      </CardBody>
    </Card>
  );
}

function RemoveConnection({ busy }: { busy: boolean }) {
  return (
    <Form
      method="post"
      className="border-t border-slate-100 pt-4"
      onSubmit={(event) => {
        if (!confirm('Remove the ElevenLabs connection? Your registered agents are removed with it.')) {
          event.preventDefault();
        }
      }}
    >
      <input type="hidden" name="intent" value="remove" />
      <Button type="submit" variant="ghost" size="sm" disabled={busy}>
        Remove connection
      </Button>
    </Form>
  );
}
