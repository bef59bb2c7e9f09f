import { data } from 'react-router';

import { createApi } from './api.server';
import { formFailure, text } from './forms.server';

/**
 * The ticket page's two forms, shared by both portals: `reply` posts a message, `update` sets status and/or
 * priority (the API lets customers only close).
 */
export async function ticketAction(request: Request, ticketId: string | undefined) {
  const api = createApi(request);
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (intent === 'reply') {
    const result = await api.tickets.reply(ticketId ?? '', text(form, 'body'));
    if (!result.ok) return formFailure(result.problem, ['body'], 'reply');
    return { ok: true as const, intent, message: 'Reply sent.' };
  }
  if (intent === 'update') {
    const status = text(form, 'status');
    const priority = text(form, 'priority');
    const result = await api.tickets.update(ticketId ?? '', {
      ...(status ? { status } : {}),
      ...(priority ? { priority } : {}),
    });
    if (!result.ok) return formFailure(result.problem, ['status', 'priority'], 'update');
    return { ok: true as const, intent, message: 'Ticket updated.' };
  }
  return data({ ok: false as const, intent, formError: 'Unknown action', fieldErrors: {} }, 400);
}
