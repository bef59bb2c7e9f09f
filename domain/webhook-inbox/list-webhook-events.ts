import type { WebhookEventListQuery, WebhookEventView } from '../../contracts/webhooks';
import { WebhookEvent } from '../../db/entities/webhook-event';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import { operatorLink } from '../provisioning/job-view';
import { toWebhookEventView, VIEW_FIELDS } from './webhook-event-view';

export interface WebhookInboxDeps {
  orm: Orm;
  /** The Temporal Web UI address of a workflow (the same link provisioning jobs use). */
  provisioning: { link(workflowId: string): string };
}

/** Every inbound webhook event, newest first, for platform staff (the payload is left out). */
export async function listWebhookEvents(
  deps: WebhookInboxDeps,
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: WebhookEventListQuery },
): Promise<Page<WebhookEventView>> {
  assertCan(actor, 'webhooks:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    const [events, total] = await findPage(em, WebhookEvent, where, {
      fields: [...VIEW_FIELDS],
      orderBy: { receivedAt: 'desc', seq: 'desc' },
      ...pageWindow(page),
    });
    const link = operatorLink(actor, deps.provisioning.link);
    return { items: events.map((event) => toWebhookEventView(event, link)), total, ...page };
  });
}
