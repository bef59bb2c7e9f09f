import type { MailSenderView } from '@contracts/integration-health';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import { fieldErrorsOf, IntentForm, type FormOutcome } from '~/components/ui/intent-form';

export const SENDER_FIELDS = ['fromName', 'fromAddress'] as const;

type Outcome = FormOutcome<(typeof SENDER_FIELDS)[number]>;

/** The organisation's mail sender; stored and checked, not yet used as the From of its mail (decision 014). */
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
            ? 'Your sender is saved. Mail still goes out from VoicePlane’s sender for now.'
            : 'Mail goes out from VoicePlane’s sender.'
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
