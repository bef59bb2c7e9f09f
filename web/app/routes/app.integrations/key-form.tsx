import type { IntegrationView } from '@contracts/integrations';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import { fieldErrorsOf, IntentForm, type FormOutcome } from '~/components/ui/intent-form';

export const KEY_FIELDS = ['apiKey', 'webhookSecret'] as const;

type Outcome = FormOutcome<(typeof KEY_FIELDS)[number]>;

/** The key and the webhook secret; neither is ever shown again, so the fields always start empty. */
export function KeyForm({ integration, outcome }: { integration: IntegrationView | null; outcome?: Outcome }) {
  const errors = fieldErrorsOf(outcome);
  return (
    <Card>
      <CardHeader
        title={integration ? 'Replace the key or add the webhook secret' : 'Connect ElevenLabs'}
        description="Stored encrypted; VoicePlane shows only the last four characters."
      />
      <CardBody>
        <IntentForm intent="save" outcome={outcome} submit="Save" className="space-y-4" autoComplete="off">
          <TextField
            label="ElevenLabs API key"
            name="apiKey"
            type="password"
            required={!integration}
            maxLength={256}
            autoComplete="off"
            spellCheck={false}
            placeholder={integration ? `Leave empty to keep ${integration.keyHint}` : 'sk_…'}
            error={errors.apiKey}
            hint="A new key must be tested again."
          />
          <TextField
            label="Post-call webhook secret (optional)"
            name="webhookSecret"
            type="password"
            maxLength={256}
            autoComplete="off"
            spellCheck={false}
            placeholder={
              integration?.webhookSecretHint ? `Leave empty to keep ${integration.webhookSecretHint}` : 'wsec_…'
            }
            error={errors.webhookSecret}
            hint="ElevenLabs shows it once you have added the webhook URL below."
          />
        </IntentForm>
      </CardBody>
    </Card>
  );
}
