import {
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { can } from '@contracts/grants';
import { Alert } from '~/components/ui/alert';
import { PageHeader } from '~/components/ui/page-header';
import { createApi, settle } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formFailure, text, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

import { IntegrationHealthPanel } from '~/components/integration-health-panel';

import { ConnectionCard } from './connection-card';
import { KeyForm, KEY_FIELDS } from './key-form';
import { SenderForm, SENDER_FIELDS } from './sender-form';
import { SyncPanel } from './sync-panel';
import { WebhookSetup } from './webhook-setup';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Integrations · VoicePlane' }];

export type IntegrationsActionData = FormFailure | { ok: true; intent: string; message: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(request, 'app', 'integrations:read', 'see your organisation’s integrations');
  const api = createApi(request);
  // Both at once: without an integration the sync answers 404 too, and is not shown.
  const [integration, sync, sender] = await Promise.all([
    settle(api.integrations.get()),
    settle(api.integrations.sync()),
    settle(api.integrations.mailSender()),
  ]);
  // Not connected yet is a state of the page, not an error.
  if (integration.error && integration.error.status !== 404) {
    throw Response.json(integration.error, { status: integration.error.status });
  }
  return {
    integration: integration.data,
    sync: integration.data ? sync : null,
    sender: sender.data,
    mayManage: can(me.user.role, 'integrations:manage'),
  };
}

const optional = (value: string) => (value ? value : undefined);

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'app', 'integrations:manage', 'change your organisation’s integrations');
  const form = await request.formData();
  const intent = text(form, 'intent');
  const api = createApi(request);
  if (intent === 'save') {
    const result = await api.integrations.save({
      apiKey: optional(text(form, 'apiKey')),
      webhookSecret: optional(text(form, 'webhookSecret')),
    });
    if (!result.ok) return formFailure(result.problem, KEY_FIELDS, intent);
    return { ok: true as const, intent, message: 'Saved. Test the connection to check the key with ElevenLabs.' };
  }
  if (intent === 'sender') {
    const result = await api.integrations.saveMailSender({
      fromName: text(form, 'fromName'),
      fromAddress: text(form, 'fromAddress'),
    });
    if (!result.ok) return formFailure(result.problem, SENDER_FIELDS, intent);
    return {
      ok: true as const,
      intent,
      message:
        'Sender saved. It is checked with your integrations; mail still goes out from VoicePlane’s sender for now.',
    };
  }
  if (intent === 'test') {
    const result = await api.integrations.test();
    if (!result.ok) return formFailure(result.problem, [], intent);
    const message =
      result.data.status === 'active' ? 'ElevenLabs accepted the key.' : 'ElevenLabs did not accept the key.';
    return { ok: true as const, intent, message };
  }
  if (intent === 'sync') {
    const result = await api.integrations.syncNow();
    if (!result.ok) return formFailure(result.problem, [], intent);
    return { ok: true as const, intent, message: 'A sync has started.' };
  }
  if (intent === 'remove') {
    const result = await api.integrations.remove();
    if (!result.ok) return formFailure(result.problem, [], intent);
    return { ok: true as const, intent, message: 'The ElevenLabs connection and its agents were removed.' };
  }
  return formFailure({ title: 'Unknown action', status: 400 }, [], intent);
}

export const clientAction = freshSessionAction;

export default function Integrations() {
  const { integration, sync, sender, mayManage } = useLoaderData<typeof loader>();
  const outcome = useActionData<IntegrationsActionData>();
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect your own ElevenLabs account: VoicePlane reads your agents’ conversations with your key."
      />
      {outcome && outcome.intent !== 'save' && outcome.intent !== 'sender' ? (
        <Alert tone={outcome.ok ? 'success' : 'error'} className="mb-6">
          {outcome.ok ? outcome.message : outcome.formError}
        </Alert>
      ) : null}
      <IntegrationHealthPanel className="mb-6" />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ConnectionCard integration={integration} mayManage={mayManage} />
        {mayManage ? (
          <KeyForm integration={integration} outcome={outcome?.intent === 'save' ? outcome : undefined} />
        ) : null}
        {integration ? (
          <WebhookSetup webhookUrl={integration.webhookUrl} secretSaved={Boolean(integration.webhookSecretHint)} />
        ) : null}
        {integration && sync ? <SyncPanel sync={sync} mayManage={mayManage} /> : null}
        <SenderForm
          sender={sender}
          mayManage={mayManage}
          outcome={outcome?.intent === 'sender' ? outcome : undefined}
        />
      </div>
    </>
  );
}
