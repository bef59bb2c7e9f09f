import pg from 'pg';

export interface Subscription {
  close(): Promise<void>;
}

/**
 * LISTENs on `channel` over a connection of its own and calls `onNotify` with each payload. A dropped connection
 * is reopened after `retryMs`; notifications sent meanwhile are lost, so listeners must also poll (the inbox
 * relay does). Resolves once the first LISTEN is in place.
 */
export async function listenForNotifications(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  { retryMs = 1_000, onError }: { retryMs?: number; onError?: (error: unknown) => void } = {},
): Promise<Subscription> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a plain channel name: ${channel}`);
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', (error) => {
      onError?.(error);
      reopen(next);
    });
    next.on('end', () => reopen(next));
    client = next;
    await next.connect();
    await next.query(`listen ${channel}`);
  };
  const reopen = (dropped: pg.Client) => {
    if (closed || client !== dropped) return;
    client = null;
    void dropped.end().catch(() => undefined);
    retry = setTimeout(() => {
      connect().catch((error: unknown) => {
        onError?.(error);
        if (client) reopen(client);
      });
    }, retryMs);
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
