/** Postgres NOTIFY channel an inbox write signals on; the payload is the row's relay group. */
export const INBOX_CHANNEL = 'webhook_inbox';
