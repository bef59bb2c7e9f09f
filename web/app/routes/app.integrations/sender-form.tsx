import { Form, useNavigation } from '@remix-run/react';

import type { MailSenderView } from '@contracts/integration-health';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import type { FormFailure } from '~/lib/forms.server';

export const SENDER_FIELDS = ['fromName', 'fromAddress'] as const;

type Outcome = FormFailure<(typeof SENDER_FIELDS)[number]> | { ok: true; message: string };

/** The name and address the organisation's mail carries; VoicePlane's mail server still sends it. */
export function SenderForm({
  sender,
  mayManage,
  outcome,
}: {
  sender: MailSenderView | null;
  mayManage: boolean;
  outcome?: Outcome;
}) {
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'sender';
  const errors = outcome && !outcome.ok ? outcome.fieldErrors : {};
  return (
    <Card>
      <CardHeader
        title="Email sender"
        description={
          sender?.custom
            ? 'Mail to your users and customers carries this sender.'
            : 'Mail carries VoicePlane’s sender until you set your own.'
        }
      />
      <CardBody>
        <Form method="post" className="space-y-4" aria-busy={saving}>
          <input type="hidden" name="intent" value="sender" />
          {outcome ? (
            <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
          ) : null}
          <TextField
            label="Sender name"
            name="fromName"
            required
            maxLength={100}
            defaultValue={sender?.fromName ?? ''}
            disabled={!mayManage}
            error={errors.fromName}
          />
          <TextField
            label="Sender address"
            name="fromAddress"
            type="email"
            required
            maxLength={254}
            defaultValue={sender?.fromAddress ?? ''}
            disabled={!mayManage}
            error={errors.fromAddress}
          />
          {mayManage ? (
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save sender'}
            </Button>
          ) : null}
        </Form>
      </CardBody>
    </Card>
  );
}
