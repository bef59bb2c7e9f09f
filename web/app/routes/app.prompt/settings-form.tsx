import { Form, useNavigation } from '@remix-run/react';
import type { FormEvent } from 'react';

import { PROMPT_LOCALES } from '@contracts/prompt-locale';
import type { PromptSettings } from '@contracts/prompt-config';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { SelectField, TextareaField, TextField } from '~/components/ui/field';
import { labelOf, LOCALES } from '~/lib/bot-options';
import type { FormFailure } from '~/lib/forms.server';

import type { SettingField } from './settings-fields';

export type SaveOutcome = FormFailure<SettingField> | { ok: true; message: string };

/** The prompt settings; every change also asks for a fresh preview (`onDraftChange`). */
export function SettingsForm({
  settings,
  mayConfigure,
  outcome,
  onDraftChange,
}: {
  settings: PromptSettings;
  mayConfigure: boolean;
  outcome?: SaveOutcome;
  onDraftChange: (form: HTMLFormElement) => void;
}) {
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'save';
  const errors = outcome && !outcome.ok ? outcome.fieldErrors : {};
  const changed = (event: FormEvent<HTMLFormElement>) => onDraftChange(event.currentTarget);
  return (
    <Card>
      <CardHeader
        title="Prompt settings"
        description="What your bots call your business and themselves, and what they may tell callers."
      />
      <CardBody>
        <Form method="post" className="space-y-4" aria-busy={saving} onChange={changed} id="prompt-settings">
          <input type="hidden" name="intent" value="save" />
          {outcome ? (
            <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
          ) : null}
          <fieldset disabled={!mayConfigure} className="space-y-4">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <TextField
                label="Business name"
                name="businessName"
                defaultValue={settings.businessName}
                required
                maxLength={120}
                error={errors.businessName}
              />
              <TextField
                label="Short name"
                name="businessShortName"
                defaultValue={settings.businessShortName}
                required
                maxLength={60}
                error={errors.businessShortName}
                hint="What callers call it."
              />
              <TextField
                label="Agent name"
                name="agentName"
                defaultValue={settings.agentName}
                required
                maxLength={40}
                error={errors.agentName}
              />
              <SelectField label="Language" name="locale" defaultValue={settings.locale} error={errors.locale}>
                {PROMPT_LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {labelOf(LOCALES, locale)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Time zone"
                name="timeZone"
                defaultValue={settings.timeZone}
                required
                maxLength={64}
                error={errors.timeZone}
                hint="An IANA time zone, e.g. Europe/Vienna."
              />
              <TextField
                label="Emergency number"
                name="emergencyNumber"
                defaultValue={settings.emergencyNumber}
                required
                maxLength={16}
                error={errors.emergencyNumber}
                hint="112, 911, … or a full number such as +4315550100."
              />
            </div>
            <TextareaField
              label="Address"
              name="address"
              defaultValue={settings.address}
              rows={2}
              maxLength={300}
              error={errors.address}
            />
            <TextareaField
              label="Prices and memberships"
              name="pricesText"
              defaultValue={settings.pricesText}
              maxLength={4000}
              error={errors.pricesText}
            />
            <TextareaField
              label="Retention rules"
              name="retentionRules"
              defaultValue={settings.retentionRules}
              maxLength={4000}
              error={errors.retentionRules}
              hint="What may be offered to a caller who wants to cancel."
            />
            <TextareaField
              label="Disclaimer"
              name="disclaimer"
              defaultValue={settings.disclaimer}
              rows={2}
              maxLength={2000}
              error={errors.disclaimer}
              hint="Said before anything about health or safety."
            />
            <TextareaField
              label="Persona"
              name="personaBio"
              defaultValue={settings.personaBio}
              rows={3}
              maxLength={2000}
              error={errors.personaBio}
              hint="Who the agent is and how it speaks."
            />
          </fieldset>
          {mayConfigure ? (
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save and update bots'}
            </Button>
          ) : null}
        </Form>
      </CardBody>
    </Card>
  );
}
