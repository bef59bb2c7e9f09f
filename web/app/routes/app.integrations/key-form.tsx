import { Form, useNavigation } from '@remix-run/react';

import type { IntegrationView } from '@contracts/integrations';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import type { FormFailure } from '~/lib/forms.server';

export const KEY_FIELDS = ['apiKey', 'webhookSecret'] as const;

type Outcome = FormFailure<(typeof KEY_FIELDS)[number]> | { ok: true; message: string };

/** The key and the webhook secret; neither is ever shown again, so the fields always start empty. */
export function KeyForm({ integration, outcome }: { integration: IntegrationView | null; outcome?: Outcome }) {
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'save';
  const errors = outcome && !outcome.ok ? outcome.fieldErrors : {};
  return (
    <Card>
      <CardHeader
        title={integration ? 'Replace the key or add the webhook secret' : 'Connect ElevenLabs'}
        description="Stored encrypted; VoicePlane shows only the last four characters."
      />
      <CardBody>
        <Form method="post" className="space-y-4" aria-busy={saving} autoComplete="off">
          <input type="hidden" name="intent" value="save" />
          {outcome ? (
            <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
          ) : null}
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
          <Button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
