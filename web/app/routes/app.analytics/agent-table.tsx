import type { AgentCallStats } from '@contracts/analytics';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatClock, formatMinutes, formatRate } from '~/lib/call-format';
import { formatNumber } from '~/lib/format';

/** Per agent: volume, success and how long its calls last (median, 90th and 99th percentile). */
export function AgentTable({ agents }: { agents: AgentCallStats[] }) {
  if (agents.length === 0) {
    return <p className="px-4 py-8 text-center text-sm text-slate-500 sm:px-5">No calls in this period.</p>;
  }
  return (
    <Table label="Calls per agent">
      <thead>
        <tr>
          <Th>Agent</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Minutes</Th>
          <Th className="text-right">Success rate</Th>
          <Th className="text-right">Median</Th>
          <Th className="text-right">p90</Th>
          <Th className="text-right">p99</Th>
        </tr>
      </thead>
      <TBody>
        {agents.map((agent) => (
          <tr key={agent.agentId ?? 'removed'} data-agent-id={agent.agentId ?? ''}>
            <Td className="font-medium text-slate-900">
              {agent.agentName ?? <span className="text-slate-500">Removed agents</span>}
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(agent.calls)}</Td>
            <Td className="text-right tabular-nums">{formatMinutes(agent.minutes)}</Td>
            <Td className="text-right tabular-nums">{formatRate(agent.successRate)}</Td>
            <Td className="text-right tabular-nums">{formatClock(agent.duration.p50)}</Td>
            <Td className="text-right tabular-nums">{formatClock(agent.duration.p90)}</Td>
            <Td className="text-right tabular-nums">{formatClock(agent.duration.p99)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
