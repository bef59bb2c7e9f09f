import {
  useFetcher,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { useEffect, useRef } from 'react';

import { Alert } from '~/components/ui/alert';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { SelectField, TextField } from '~/components/ui/field';
import { PageHeader } from '~/components/ui/page-header';
import { Pagination } from '~/components/ui/pagination';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { createApi, pageOf } from '~/lib/api.server';
import type { UserView } from '@contracts/users';
import { requirePermission } from '~/lib/auth.server';
import { formatDateTime } from '~/lib/format';
import { formFailure, text } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';
import { ROLE_LABELS } from '~/lib/roles';
import { useMe } from '~/lib/use-me';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Users · VoicePlane' }];

const FIELDS = ['email', 'name', 'role', 'password'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'app', 'users:manage', 'manage your organisation’s users');
  const users = await createApi(request).tenants.users(user.tenantId!, { page: pageOf(new URL(request.url)) });
  return { users };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'app', 'users:manage', 'manage your organisation’s users');
  const api = createApi(request);
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (intent === 'add') {
    const result = await api.tenants.addUser(user.tenantId!, {
      email: text(form, 'email'),
      name: text(form, 'name'),
      role: text(form, 'role'),
      password: String(form.get('password') ?? ''),
    });
    if (!result.ok) return formFailure(result.problem, FIELDS, intent);
    return { ok: true as const, intent, message: `${result.data.name} can now sign in.` };
  }
  const isActive = intent === 'reactivate';
  const result = await api.tenants.updateUser(user.tenantId!, text(form, 'userId'), { isActive });
  if (!result.ok) return formFailure(result.problem, [], intent);
  return { ok: true as const, intent, message: `${result.data.name} is ${isActive ? 'active again' : 'deactivated'}.` };
}

export const clientAction = freshSessionAction;

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const me = useMe();
  return (
    <>
      <PageHeader title="Users" description="Who in your organisation can sign in to VoicePlane." />
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-3">
        <Card className="2xl:col-span-2">
          <Table label="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <TBody>
              {users.items.map((member) => (
                <UserRow key={member.id} member={member} self={member.id === me.user.id} />
              ))}
            </TBody>
          </Table>
          <Pagination page={users} label="users" />
        </Card>
        <AddUserCard />
      </div>
    </>
  );
}

type Result =
  { ok: true; message: string } | { ok: false; formError: string; fieldErrors: Partial<Record<string, string>> };

function UserRow({ member, self }: { member: UserView; self: boolean }) {
  const fetcher = useFetcher<Result>();
  const busy = fetcher.state !== 'idle';
  return (
    <tr data-user-email={member.email}>
      <Td>
        <p className="font-medium text-slate-900">
          {member.name}
          {self ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
        </p>
        <p className="text-xs text-slate-500">{member.email}</p>
        {fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? (
          <p className="mt-1 text-xs text-rose-700">{fetcher.data.formError}</p>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap">{ROLE_LABELS[member.role]}</Td>
      <Td>
        {member.isActive ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
        <p className="mt-1 text-xs text-slate-500">
          {member.lastLoginAt ? `Last sign-in ${formatDateTime(member.lastLoginAt)}` : 'Never signed in'}
        </p>
      </Td>
      <Td className="text-right">
        {self ? null : (
          <fetcher.Form method="post">
            <input type="hidden" name="userId" value={member.id} />
            <Button
              type="submit"
              name="intent"
              value={member.isActive ? 'deactivate' : 'reactivate'}
              variant={member.isActive ? 'secondary' : 'ghost'}
              size="sm"
              disabled={busy}
            >
              {member.isActive ? 'Deactivate' : 'Reactivate'}
              <span className="sr-only"> {member.name}</span>
            </Button>
          </fetcher.Form>
        )}
      </Td>
    </tr>
  );
}

function AddUserCard() {
  const fetcher = useFetcher<Result & { intent?: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const sending = fetcher.state !== 'idle';
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.fieldErrors : {};
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  return (
    <Card className="max-w-xl 2xl:max-w-none">
      <CardHeader title="Add a user" description="They sign in with this email and password." />
      <CardBody>
        <fetcher.Form ref={formRef} method="post" className="space-y-4" aria-busy={sending}>
          <input type="hidden" name="intent" value="add" />
          {result ? (
            <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? result.message : result.formError}</Alert>
          ) : null}
          <TextField label="Name" name="name" required maxLength={120} autoComplete="off" error={errors.name} />
          <TextField label="Email" name="email" type="email" required autoComplete="off" error={errors.email} />
          <SelectField label="Role" name="role" defaultValue="customer_user" error={errors.role}>
            <option value="customer_user">Member — sees usage, bots and invoices</option>
            <option value="customer_admin">Admin — also manages users and bot settings</option>
          </SelectField>
          <TextField
            label="Initial password"
            name="password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            error={errors.password}
            hint="At least 10 characters. Share it with them securely."
          />
          <Button type="submit" disabled={sending} className="w-full">
            {sending ? 'Adding…' : 'Add user'}
          </Button>
        </fetcher.Form>
      </CardBody>
    </Card>
  );
}
