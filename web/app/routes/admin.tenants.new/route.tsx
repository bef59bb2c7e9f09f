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
import { TextField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'New tenant · VoicePlane admin' }];

const FIELDS = ['name', 'slug', 'contactEmail'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin', 'tenants:create', 'create tenants');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin', 'tenants:create', 'create tenants');
  const form = await request.formData();
  const slug = text(form, 'slug');
  const result = await createApi(request).tenants.create({
    name: text(form, 'name'),
    contactEmail: text(form, 'contactEmail'),
    ...(slug ? { slug } : {}),
  });
  if (!result.ok) return formFailure(result.problem, FIELDS);
  throw redirect(`/admin/tenants/${result.data.id}?created=1`);
}

export const clientAction = freshSessionAction;

export default function NewTenant() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <PageHeader
        title="New tenant"
        description="Creates the organisation and starts its onboarding: billing account, plan, verification email."
        back={{ to: '/admin/tenants', label: 'Tenants' }}
      />
      <Card className="max-w-2xl">
        <CardBody>
          <Form method="post" className="space-y-5" aria-busy={submitting}>
            {failure?.formError ? <Alert title="The tenant was not created">{failure.formError}</Alert> : null}
            <TextField label="Name" name="name" required minLength={2} maxLength={120} autoFocus error={errors.name} />
            <TextField
              label="Slug"
              name="slug"
              pattern="[a-z0-9][a-z0-9\-]{1,62}"
              error={errors.slug}
              hint="Optional. Lowercase letters, digits and dashes; derived from the name when empty."
            />
            <TextField
              label="Contact email"
              name="contactEmail"
              type="email"
              required
              error={errors.contactEmail}
              hint="Receives the verification email that activates the tenant."
            />
            <div className="flex flex-wrap gap-3 pt-2">
              <Button type="submit" disabled={submitting}>
                {submitting ? 'Creating…' : 'Create tenant'}
              </Button>
              <ButtonLink to="/admin/tenants" variant="secondary">
                Cancel
              </ButtonLink>
            </div>
          </Form>
        </CardBody>
      </Card>
    </>
  );
}
