import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { BotStatusBadge } from '~/components/status-badges';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { SelectField, TextareaField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission, requireUser } from '~/lib/auth.server';
import { LOCALES, labelOf, VOICES, withCurrent } from '~/lib/bot-options';
import { formatDateTime } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { useMe } from '~/lib/use-me';
import { can } from '@contracts/grants';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.bot.name ?? 'Bot'} · VoicePlane` }];

const FIELDS = ['greeting', 'locale', 'voice'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { bot: await createApi(request).bots.get(params.botId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, 'app', 'bots:configure', 'change bot settings');
  const form = await request.formData();
  const result = await createApi(request).bots.update(params.botId ?? '', {
    greeting: text(form, 'greeting'),
    locale: text(form, 'locale'),
    voice: text(form, 'voice'),
  });
  if (!result.ok) return formFailure(result.problem, FIELDS);
  return { ok: true as const, message: 'Settings saved. Callers hear the change on their next call.' };
}

export const clientAction = freshSessionAction;

export default function CustomerBot() {
  const { bot } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { user } = useMe();
  const editable = can(user.role, 'bots:configure');
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <>
      <PageHeader
        title={bot.name}
        badge={<BotStatusBadge status={bot.status} />}
        back={{ to: '/app/bots', label: 'Bots' }}
        description={
          bot.phoneNumber ? `Callers reach this bot at ${bot.phoneNumber}.` : 'This bot has no phone number yet.'
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Settings"
            description={
              editable
                ? 'How the bot greets and speaks to callers.'
                : 'Only your organisation’s admins can change these.'
            }
          />
          <CardBody>
            <Form method="post" className="space-y-5" aria-busy={submitting}>
              {result ? (
                <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? result.message : result.formError}</Alert>
              ) : null}
              <TextareaField
                label="Greeting"
                name="greeting"
                required
                maxLength={500}
                defaultValue={bot.greeting}
                disabled={!editable}
                error={errors.greeting}
                hint="The first thing callers hear."
              />
              <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
                <SelectField
                  label="Language"
                  name="locale"
                  defaultValue={bot.locale}
                  disabled={!editable}
                  error={errors.locale}
                >
                  {withCurrent(LOCALES, bot.locale).map((l) => (
                    <option key={l.value} value={l.value}>
                      {l.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label="Voice"
                  name="voice"
                  defaultValue={bot.voice}
                  disabled={!editable}
                  error={errors.voice}
                >
                  {withCurrent(VOICES, bot.voice).map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label}
                    </option>
                  ))}
                </SelectField>
              </div>
              {editable ? (
                <div className="flex justify-end">
                  <Button type="submit" disabled={submitting}>
                    {submitting ? 'Saving…' : 'Save settings'}
                  </Button>
                </div>
              ) : null}
            </Form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <DetailList
              items={[
                { label: 'Status', value: <BotStatusBadge status={bot.status} /> },
                { label: 'Phone number', value: <span className="font-mono">{bot.phoneNumber ?? '—'}</span> },
                { label: 'Language', value: labelOf(LOCALES, bot.locale) },
                { label: 'Created', value: formatDateTime(bot.createdAt) },
              ]}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
