import type { FormEvent } from 'react';

import { PROMPT_LOCALES } from '@contracts/prompt-locale';
import type { PromptSettings } from '@contracts/prompt-config';
import type { PromptSettingKey } from '@contracts/prompt-setting-fields';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { SelectField, TextareaField, TextField } from '~/components/ui/field';
import { fieldErrorsOf, IntentForm, type FormOutcome } from '~/components/ui/intent-form';
import { labelOf, LOCALES } from '~/lib/bot-options';

import { SETTING_INPUTS, type SettingInput } from './settings-fields';

export type SaveOutcome = FormOutcome<PromptSettingKey>;

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
  const errors = fieldErrorsOf(outcome);
  const changed = (event: FormEvent<HTMLFormElement>) => onDraftChange(event.currentTarget);
  return (
    <Card>
      <CardHeader
        title="Prompt settings"
        description="What your bots call your business and themselves, and what they may tell callers."
      />
      <CardBody>
        <IntentForm
          intent="save"
          outcome={outcome}
          submit={mayConfigure ? 'Save and update bots' : undefined}
          className="space-y-4"
          onChange={changed}
          id="prompt-settings"
        >
          <fieldset disabled={!mayConfigure} className="space-y-4">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {SETTING_INPUTS.filter((input) => input.control !== 'textarea').map((input) => (
                <SettingControl
                  key={input.name}
                  input={input}
                  value={settings[input.name]}
                  error={errors[input.name]}
                />
              ))}
            </div>
            {SETTING_INPUTS.filter((input) => input.control === 'textarea').map((input) => (
              <SettingControl key={input.name} input={input} value={settings[input.name]} error={errors[input.name]} />
            ))}
          </fieldset>
        </IntentForm>
      </CardBody>
    </Card>
  );
}

function SettingControl({ input, value, error }: { input: SettingInput; value: string; error?: string }) {
  const common = { label: input.label, name: input.name, defaultValue: value, hint: input.hint, error };
  if (input.control === 'select') {
    return (
      <SelectField {...common}>
        {PROMPT_LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {labelOf(LOCALES, locale)}
          </option>
        ))}
      </SelectField>
    );
  }
  if (input.control === 'textarea') {
    // Without its own row count the field keeps TextareaField's.
    return <TextareaField {...common} maxLength={input.maxLength} {...(input.rows ? { rows: input.rows } : {})} />;
  }
  return <TextField {...common} required={input.required} maxLength={input.maxLength} />;
}
