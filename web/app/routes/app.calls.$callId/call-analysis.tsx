import type { CallAnalysisView } from '@contracts/call-logs';
import { OutcomeBadge } from '~/components/call-badges';
import { Card, CardHeader } from '~/components/ui/card';
import { humanize } from '~/lib/format';

const valueText = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** ElevenLabs' evaluation criteria with their verdicts, and the data it collected from the call. */
export function CallAnalysis({ analysis }: { analysis: CallAnalysisView | null }) {
  return (
    <>
      <Card>
        <CardHeader title="Evaluation" description="Each criterion the agent is judged by, as ElevenLabs rated it." />
        {analysis && analysis.evaluations.length > 0 ? (
          <ul aria-label="Evaluation results" className="divide-y divide-slate-100">
            {analysis.evaluations.map((evaluation) => (
              <li key={evaluation.id} className="px-4 py-3 sm:px-5" data-criterion={evaluation.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium text-slate-900">{humanize(evaluation.id)}</p>
                  <OutcomeBadge outcome={evaluation.result} />
                </div>
                {evaluation.rationale ? <p className="mt-1 text-sm text-slate-600">{evaluation.rationale}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-4 py-6 text-sm text-slate-500 sm:px-5">No evaluation criteria were rated for this call.</p>
        )}
      </Card>
      <Card>
        <CardHeader title="Data collected" />
        {analysis && analysis.collected.length > 0 ? (
          <dl aria-label="Data collected" className="divide-y divide-slate-100">
            {analysis.collected.map((item) => (
              <div key={item.id} className="px-4 py-3 sm:px-5">
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{humanize(item.id)}</dt>
                <dd className="mt-1 break-words text-sm text-slate-900">{valueText(item.value)}</dd>
                {item.rationale ? <dd className="mt-0.5 text-xs text-slate-500">{item.rationale}</dd> : null}
              </div>
            ))}
          </dl>
        ) : (
          <p className="px-4 py-6 text-sm text-slate-500 sm:px-5">Nothing was collected from this call.</p>
        )}
      </Card>
    </>
  );
}
