import { Form, useNavigation } from 'react-router';

import type { AgentList, AgentView } from '@contracts/agents';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatClock, formatMinutes, formatRate } from '~/lib/call-format';
import { formatDateTime, formatNumber } from '~/lib/format';

/** Every monitored agent with its calls: today in the tenant's time zone, the rest over the stats period. */
export function AgentTable({ list, mayManage }: { list: AgentList; mayManage: boolean }) {
  if (list.items.length === 0) {
    return (
      <Card>
        <EmptyState title="No agents yet">
          {mayManage
            ? 'Add an agent by its ElevenLabs id to see its calls here.'
            : 'Your organisation’s admins add agents by their ElevenLabs id.'}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card>
      <Table label="Agents">
        <thead>
          <tr>
            <Th>Agent</Th>
            <Th className="text-right">Calls today</Th>
            <Th className="text-right">Minutes</Th>
            <Th className="text-right">Success rate</Th>
            <Th className="text-right">Average call</Th>
            <Th>Last call</Th>
            {mayManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <TBody>
          {list.items.map((agent) => (
            <AgentRow key={agent.id} agent={agent} mayManage={mayManage} />
          ))}
        </TBody>
      </Table>
      <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-500">
        “Today” counts from midnight ({list.timezone}); minutes, success rate and average call cover the calls since{' '}
        {formatDateTime(list.statsSince)}.
      </p>
    </Card>
  );
}

function AgentRow({ agent, mayManage }: { agent: AgentView; mayManage: boolean }) {
  const navigation = useNavigation();
  const { stats } = agent;
  return (
    <tr data-agent-id={agent.agentId}>
      <Td>
        <p className="font-medium text-slate-900">{agent.name}</p>
        <p className="font-mono text-xs text-slate-500">{agent.agentId}</p>
        {agent.language ? <p className="text-xs text-slate-500">Language: {agent.language}</p> : null}
      </Td>
      <Td className="text-right tabular-nums">{formatNumber(stats.callsToday)}</Td>
      <Td className="text-right tabular-nums">{formatMinutes(stats.minutes)}</Td>
      <Td className="text-right tabular-nums">{formatRate(stats.successRate)}</Td>
      <Td className="text-right tabular-nums">{formatClock(stats.averageDurationSeconds)}</Td>
      <Td className="whitespace-nowrap">{stats.lastCallAt ? formatDateTime(stats.lastCallAt) : 'No calls yet'}</Td>
      {mayManage ? (
        <Td className="text-right">
          <Form
            method="post"
            onSubmit={(event) => {
              if (!confirm(`Stop monitoring ${agent.name}? Its call history stays.`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="id" value={agent.id} />
            <Button type="submit" variant="ghost" size="sm" disabled={navigation.state !== 'idle'}>
              Remove<span className="sr-only"> {agent.name}</span>
            </Button>
          </Form>
        </Td>
      ) : null}
    </tr>
  );
}
