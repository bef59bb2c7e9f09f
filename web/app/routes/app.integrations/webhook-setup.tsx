import { useState } from 'react';

import { Button } from '~/components/ui/button';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { useHydrated } from '~/lib/use-hydrated';

/** The tenant's own webhook URL with a copy button, and where it goes in ElevenLabs. */
export function WebhookSetup({ webhookUrl, secretSaved }: { webhookUrl: string; secretSaved: boolean }) {
  return (
    <Card>
      <CardHeader
        title="Post-call webhook"
        description="ElevenLabs sends every finished conversation here, so calls appear within seconds."
      />
      <CardBody className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="webhook-url"
            className="min-w-0 flex-1 break-all rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-800 ring-1 ring-inset ring-slate-200"
          >
            {webhookUrl}
          </code>
          <CopyButton text={webhookUrl} />
        </div>
        <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
          <li>In ElevenLabs, open Agents platform → Settings.</li>
          <li>Under Post-call webhook, create a webhook and paste the URL above.</li>
          <li>Enable transcripts and audio for it (post-call transcription and audio events).</li>
          <li>Copy the webhook secret ElevenLabs shows and save it in the form on this page.</li>
        </ol>
        {secretSaved ? null : (
          <p className="text-sm text-amber-800">
            Until the secret is saved, VoicePlane cannot check the webhooks’ signatures and refuses them; the periodic
            sync still finds your conversations.
          </p>
        )}
      </CardBody>
    </Card>
  );
}

function CopyButton({ text }: { text: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2_000);
        });
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}
