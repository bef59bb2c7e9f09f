import { Link } from 'react-router';

import type { TicketView } from '@contracts/support';
import { formatDateTime } from '~/lib/format';

import { PriorityBadge, TicketStatusBadge } from './status-badges';
import { Table, TBody, Td, Th } from './ui/table';

export function TicketTable({
  tickets,
  basePath,
  showTenant = false,
}: {
  tickets: TicketView[];
  basePath: string;
  showTenant?: boolean;
}) {
  return (
    <Table label="Support tickets">
      <thead>
        <tr>
          <Th>Subject</Th>
          <Th>Status</Th>
          <Th>Priority</Th>
          <Th>Replies</Th>
          <Th>Last activity</Th>
        </tr>
      </thead>
      <TBody>
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <Td className="max-w-md">
              <Link to={`${basePath}/${ticket.id}`} className="font-medium text-indigo-600 hover:underline">
                {ticket.subject}
              </Link>
              <p className="text-xs text-slate-500">
                {showTenant ? `${ticket.tenantName} · ` : ''}
                {ticket.authorName ?? 'Unknown author'}
              </p>
            </Td>
            <Td>
              <TicketStatusBadge status={ticket.status} />
            </Td>
            <Td>
              <PriorityBadge status={ticket.priority} />
            </Td>
            <Td className="tabular-nums">{ticket.messageCount}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(ticket.updatedAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
