import {
  useActionData,
  useFetcher,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import { useCallback, useEffect, useRef, useState } from 'react';

import { BOT_ROLES, DEFAULT_BOT_ROLE, type BotRole } from '@contracts/bot-role';
import { can } from '@contracts/grants';
import type { PromptPreview } from '@contracts/prompt-config';
import { PROMPT_SETTING_KEYS } from '@contracts/prompt-setting-fields';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formFailure, text, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

import { PromptPreviewCard } from './prompt-preview';
import { SettingsForm, type SaveOutcome } from './settings-form';
import { settingsFrom } from './settings.server';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Bot prompt · VoicePlane' }];

type PreviewData = FormFailure | { ok: true; intent: 'preview'; preview: PromptPreview };
const WHAT = 'see your organisation’s bot prompt';

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(request, 'app', 'prompts:read', WHAT);
  const api = createApi(request);
  const [config, preview] = await Promise.all([api.promptConfig.get(), api.promptConfig.preview(DEFAULT_BOT_ROLE)]);
  return { config, preview, mayConfigure: can(me.user.role, 'prompts:configure') };
}

const roleOf = (value: string): BotRole =>
  (BOT_ROLES as readonly string[]).includes(value) ? (value as BotRole) : DEFAULT_BOT_ROLE;

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = text(form, 'intent');
  const api = createApi(request);
  if (intent === 'preview') {
    await requirePermission(request, 'app', 'prompts:read', WHAT);
    const result = await api.promptConfig.previewDraft(roleOf(text(form, 'previewRole')), settingsFrom(form));
    if (!result.ok) return formFailure(result.problem, PROMPT_SETTING_KEYS, intent);
    return { ok: true as const, intent, preview: result.data };
  }
  if (intent === 'save') {
    await requirePermission(request, 'app', 'prompts:configure', 'change your organisation’s bot prompt');
    const result = await api.promptConfig.save(settingsFrom(form));
    if (!result.ok) return formFailure(result.problem, PROMPT_SETTING_KEYS, intent);
    return { ok: true as const, intent, message: 'Saved. Your bots are being given the new prompt.' };
  }
  return formFailure({ title: 'Unknown action', status: 400 }, [], intent);
}

export const clientAction = freshSessionAction;

export default function PromptSettingsPage() {
  const { config, preview, mayConfigure } = useLoaderData<typeof loader>();
  const saved = useActionData<SaveOutcome>();
  const previewFetcher = useFetcher<PreviewData>();
  const [role, setRole] = useState<BotRole>(DEFAULT_BOT_ROLE);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const requestPreview = useCallback(
    (form: HTMLFormElement | null, nextRole: BotRole) => {
      if (!form) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const data = new FormData(form);
        data.set('intent', 'preview');
        data.set('previewRole', nextRole);
        previewFetcher.submit(data, { method: 'post' });
      }, 300);
    },
    [previewFetcher],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  const latest = previewFetcher.data;
  const shown = latest?.ok ? latest.preview : preview;
  const problem = latest && !latest.ok ? latest.formError : null;
  const formOf = () => document.getElementById('prompt-settings') as HTMLFormElement | null;

  return (
    <>
      <PageHeader
        title="Bot prompt"
        description="Your bots greet callers and answer in your business’s name. Changes reach every bot when you save."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <SettingsForm
          settings={config.settings}
          mayConfigure={mayConfigure}
          outcome={saved}
          onDraftChange={(form) => requestPreview(form, role)}
        />
        <PromptPreviewCard
          role={role}
          onRoleChange={(next) => {
            setRole(next);
            requestPreview(formOf(), next);
          }}
          preview={shown}
          problem={problem}
          loading={previewFetcher.state !== 'idle'}
        />
      </div>
    </>
  );
}
