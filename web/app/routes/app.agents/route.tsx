import {
  redirect,
  useActionData,
  useLoaderData,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import type { AgentValidationView } from '@contracts/agents';
import { can } from '@contracts/grants';
import { Alert } from '~/components/ui/alert';
import { ButtonLink } from '~/components/ui/button';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formFailure, text, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

import { AddAgentDialog } from './add-agent-dialog';
import { AgentTable } from './agent-table';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Agents · VoicePlane' }];

export type AgentsActionData =
  | FormFailure<'agentId'>
  | { ok: true; intent: 'validate'; agent: AgentValidationView }
  | { ok: true; intent: 'remove'; message: string };

/** What the add-agent dialog shows: a lookup's result, or why a lookup or an addition failed. */
function dialogOutcomeOf(outcome: AgentsActionData | undefined) {
  if (!outcome) return undefined;
  if (outcome.ok) return outcome.intent === 'validate' ? outcome : undefined;
  return outcome.intent === 'remove' ? undefined : outcome;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(request, 'app', 'agents:read', 'see your organisation’s agents');
  const agents = await createApi(request).agents.list();
  return { agents, mayManage: can(me.user.role, 'agents:manage') };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'app', 'agents:manage', 'change your organisation’s agents');
  const form = await request.formData();
  const intent = text(form, 'intent');
  const api = createApi(request);
  if (intent === 'validate') {
    const result = await api.agents.validate(text(form, 'agentId'));
    if (!result.ok) return formFailure(result.problem, ['agentId'], intent);
    return { ok: true as const, intent, agent: result.data };
  }
  if (intent === 'register') {
    const result = await api.agents.register(text(form, 'agentId'));
    if (!result.ok) return formFailure(result.problem, ['agentId'], intent);
    throw redirect(`/app/agents?added=${encodeURIComponent(result.data.name)}`);
  }
  if (intent === 'remove') {
    const result = await api.agents.remove(text(form, 'id'));
    if (!result.ok) return formFailure(result.problem, [], intent);
    return { ok: true as const, intent, message: 'The agent is no longer monitored; its call history stays.' };
  }
  return formFailure({ title: 'Unknown action', status: 400 }, [], intent);
}

export const clientAction = freshSessionAction;

export default function Agents() {
  const { agents, mayManage } = useLoaderData<typeof loader>();
  const outcome = useActionData<AgentsActionData>();
  const [params] = useSearchParams();
  const added = params.get('added');
  const adding = mayManage && params.get('add') === '1';
  const removal = outcome?.intent === 'remove' ? outcome : null;
  return (
    <>
      <PageHeader
        title="Agents"
        description="Your ElevenLabs agents VoicePlane monitors, with their calls."
        actions={
          mayManage ? (
            <ButtonLink to="?add=1" preventScrollReset>
              Add agent
            </ButtonLink>
          ) : null
        }
      />
      {added && !adding ? (
        <Alert tone="success" className="mb-6">
          {added} is monitored now. Its calls appear here as ElevenLabs reports them.
        </Alert>
      ) : null}
      {removal ? (
        <Alert tone={removal.ok ? 'success' : 'error'} className="mb-6">
          {removal.ok ? removal.message : removal.formError}
        </Alert>
      ) : null}
      <AgentTable list={agents} mayManage={mayManage} />
      {adding ? <AddAgentDialog outcome={dialogOutcomeOf(outcome)} /> : null}
    </>
  );
}
