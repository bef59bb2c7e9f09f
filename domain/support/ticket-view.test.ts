import type { SupportTicket } from '../../db/entities/support-ticket';
import type { SupportTicketMessage } from '../../db/entities/support-ticket-message';
import { toTicketMessageView, toTicketView, type TicketContext } from './ticket-view';

const created = new Date('2026-03-01T10:00:00.000Z');
const updated = new Date('2026-03-02T11:30:00.000Z');

const ticket = (authorUserId: string | null | undefined) =>
  ({
    id: 'ticket-1',
    tenantId: 'tenant-1',
    authorUserId,
    subject: 'Bot does not answer',
    body: 'Since this morning',
    status: 'open',
    priority: 'high',
    createdAt: created,
    updatedAt: updated,
  }) as SupportTicket;

const message = (authorUserId: string | null | undefined) =>
  ({
    id: 'message-1',
    tenantId: 'tenant-1',
    ticketId: 'ticket-1',
    authorUserId,
    body: 'Any news?',
    createdAt: created,
  }) as SupportTicketMessage;

const context = (overrides: Partial<TicketContext> = {}): TicketContext => ({
  tenantNames: new Map([['tenant-1', 'Acme']]),
  messageCounts: new Map([['ticket-1', 3]]),
  authors: new Map([['user-1', { name: 'Ada Admin', role: 'customer_admin' }]]),
  unresolvedAuthorIds: [],
  ...overrides,
});

describe('support ticket views', () => {
  it('shows a ticket with its tenant, author and message count', () => {
    expect(toTicketView(ticket('user-1'), context())).toEqual({
      id: 'ticket-1',
      tenantId: 'tenant-1',
      tenantName: 'Acme',
      subject: 'Bot does not answer',
      body: 'Since this morning',
      status: 'open',
      priority: 'high',
      authorUserId: 'user-1',
      authorName: 'Ada Admin',
      messageCount: 3,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-02T11:30:00.000Z',
    });
  });

  it('leaves the author’s name out when the author is gone or out of the caller’s sight, but keeps the id', () => {
    // An author the context holds no name for (platform staff, for a customer): the id stays, no name.
    const staffUnseen = toTicketView(ticket('staff-1'), context());
    expect(staffUnseen).toMatchObject({ authorUserId: 'staff-1', authorName: null });
    for (const gone of [null, undefined]) {
      expect(toTicketView(ticket(gone), context())).toMatchObject({ authorUserId: null, authorName: null });
    }
  });

  it('counts no messages and names no tenant when the context has none for the ticket', () => {
    const empty = context({ tenantNames: new Map(), messageCounts: new Map() });
    expect(toTicketView(ticket('user-1'), empty)).toMatchObject({ tenantName: '', messageCount: 0 });
  });

  it('shows a message with its author’s name and role, or neither when the author is unknown', () => {
    expect(toTicketMessageView(message('user-1'), context())).toEqual({
      id: 'message-1',
      authorUserId: 'user-1',
      authorName: 'Ada Admin',
      authorRole: 'customer_admin',
      body: 'Any news?',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(toTicketMessageView(message('staff-1'), context())).toMatchObject({
      authorUserId: 'staff-1',
      authorName: null,
      authorRole: null,
    });
    expect(toTicketMessageView(message(null), context())).toMatchObject({
      authorUserId: null,
      authorName: null,
      authorRole: null,
    });
  });
});
