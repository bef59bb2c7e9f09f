import { Link } from 'react-router';

import type { CallLogView } from '@contracts/call-logs';
import { OutcomeBadge } from '~/components/call-badges';
import { CallStatusBadge } from '~/components/status-badges';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatClock, formatUsd } from '~/lib/call-format';
import { formatDateTime } from '~/lib/format';

/** The calls, newest first; each opens its own page with the transcript and the recording. */
export function CallTable({ calls }: { calls: CallLogView[] }) {
  return (
    <Table label="Calls">
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Agent</Th>
          <Th>Call</Th>
          <Th className="text-right">Duration</Th>
          <Th>Status</Th>
          <Th>Outcome</Th>
          <Th className="text-right">Cost</Th>
        </tr>
      </thead>
      <TBody>
        {calls.map((call) => (
          <tr key={call.id} data-call-id={call.id}>
            <Td className="whitespace-nowrap">
              <Link to={`/app/calls/${call.id}`} className="font-medium text-indigo-600 hover:underline">
                {formatDateTime(call.startedAt)}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              {call.agentName ?? <span className="text-slate-400">Removed agent</span>}
            </Td>
            <Td className="max-w-xs">
              <p className="truncate text-slate-900" title={call.title ?? undefined}>
                {call.title ?? <span className="font-mono text-xs text-slate-500">{call.conversationId}</span>}
              </p>
              {call.fromNumber ? <p className="font-mono text-xs text-slate-500">{call.fromNumber}</p> : null}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatClock(call.durationSeconds)}</Td>
            <Td>
              <CallStatusBadge status={call.status} />
            </Td>
            <Td>
              <OutcomeBadge outcome={call.outcome} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatUsd(call.costUsd)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
