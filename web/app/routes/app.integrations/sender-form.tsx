import type { MailSenderView } from '@contracts/integration-health';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import { fieldErrorsOf, IntentForm, type FormOutcome } from '~/components/ui/intent-form';

export const SENDER_FIELDS = ['fromName', 'fromAddress'] as const;

type Outcome = FormOutcome<(typeof SENDER_FIELDS)[number]>;

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
  const errors = fieldErrorsOf(outcome);
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
        <IntentForm
          intent="sender"
          outcome={outcome}
          submit={mayManage ? 'Save sender' : undefined}
          className="space-y-4"
        >
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
        </IntentForm>
      </CardBody>
    </Card>
  );
}
