import {
  Form,
  redirect,
  useActionData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { Alert } from '~/components/ui/alert';
import { Button, ButtonLink } from '~/components/ui/button';
import { Card, CardBody } from '~/components/ui/card';
import { SelectField, TextareaField, TextField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { TICKET_PRIORITIES } from '@contracts/support-ticket';
import { requireUser } from '~/lib/auth.server';
import { humanize } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'New ticket · VoicePlane' }];

const FIELDS = ['subject', 'body', 'priority'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, 'app');
  const form = await request.formData();
  const result = await createApi(request).tickets.create({
    subject: text(form, 'subject'),
    body: text(form, 'body'),
    priority: text(form, 'priority') || undefined,
  });
  if (!result.ok) return formFailure(result.problem, FIELDS);
  throw redirect(`/app/support/${result.data.id}`);
}

export const clientAction = freshSessionAction;

export default function NewTicket() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <PageHeader
        title="New ticket"
        back={{ to: '/app/support', label: 'Support' }}
        description="We usually answer within one business day."
      />
      <Card className="max-w-2xl">
        <CardBody>
          <Form method="post" className="space-y-5" aria-busy={submitting}>
            {failure?.formError ? <Alert title="The ticket was not sent">{failure.formError}</Alert> : null}
            <TextField
              label="Subject"
              name="subject"
              required
              minLength={3}
              maxLength={150}
              autoFocus
              error={errors.subject}
            />
            <TextareaField
              label="What happened?"
              name="body"
              required
              maxLength={5000}
              rows={6}
              error={errors.body}
              hint="Which bot or number, what you expected, what happened instead."
            />
            <SelectField label="Priority" name="priority" defaultValue="normal" error={errors.priority}>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {humanize(p)}
                </option>
              ))}
            </SelectField>
            <div className="flex flex-wrap gap-3 pt-2">
              <Button type="submit" disabled={submitting}>
                {submitting ? 'Sending…' : 'Send ticket'}
              </Button>
              <ButtonLink to="/app/support" variant="secondary">
                Cancel
              </ButtonLink>
            </div>
          </Form>
        </CardBody>
      </Card>
    </>
  );
}
