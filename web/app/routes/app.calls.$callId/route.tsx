import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';

import { OutcomeBadge } from '~/components/call-badges';
import { CallStatusBadge } from '~/components/status-badges';
import { Card, CardBody, CardHeader, DetailList } from '~/components/ui/card';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requireUser } from '~/lib/auth.server';
import { formatClock, formatUsd } from '~/lib/call-format';
import { formatDateTime, formatNumber, humanize } from '~/lib/format';

import { CallAnalysis } from './call-analysis';
import { Transcript } from './transcript';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.call.title ?? 'Call'} · Calls · VoicePlane` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'app');
  return { call: await createApi(request).calls.get(params.callId) };
}

export default function CallDetail() {
  const { call } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        back={{ to: '/app/calls', label: 'Calls' }}
        title={call.title ?? `Call with ${call.agentName ?? 'a removed agent'}`}
        description={`${formatDateTime(call.startedAt)} · ${formatClock(call.durationSeconds)}${
          call.agentName ? ` · ${call.agentName}` : ''
        }`}
        badge={
          <span className="flex items-center gap-2">
            <CallStatusBadge status={call.status} />
            <OutcomeBadge outcome={call.outcome} />
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card>
            <CardHeader title="Recording" />
            <CardBody>
              {call.audioUrl ? (
                <audio controls preload="metadata" src={call.audioUrl} className="w-full" data-testid="call-audio">
                  <a href={call.audioUrl}>Download the recording</a>
                </audio>
              ) : (
                <p className="text-sm text-slate-500">No recording was kept of this call.</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Summary" />
            <CardBody>
              <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="call-summary">
                {call.summary ?? 'ElevenLabs gave no summary of this call.'}
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Transcript"
              description={call.anonymized ? 'Personal data was masked before it was stored.' : undefined}
            />
            <Transcript turns={call.transcript} agentName={call.agentName} />
          </Card>
        </div>
        <div className="space-y-6">
          <CallAnalysis analysis={call.analysis} />
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <DetailList
                columns={1}
                items={[
                  { label: 'Conversation', value: <span className="font-mono text-xs">{call.conversationId}</span> },
                  { label: 'Direction', value: call.direction ? humanize(call.direction) : '—' },
                  { label: 'From', value: call.fromNumber ?? '—' },
                  { label: 'To', value: call.toNumber ?? '—' },
                  { label: 'Language', value: call.language ?? '—' },
                  {
                    label: 'ElevenLabs cost',
                    value: `${formatUsd(call.cost.usd)}${call.cost.llmUsd !== null ? ` (LLM ${formatUsd(call.cost.llmUsd)})` : ''}${
                      call.cost.credits !== null ? ` · ${formatNumber(call.cost.credits)} credits` : ''
                    }`,
                  },
                  { label: 'Ended because', value: call.terminationReason ?? call.failureReason ?? '—' },
                ]}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
