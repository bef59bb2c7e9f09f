import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for one of the platform's webhook routes, for tests: records each POST as `record` reads it (the raw
 * body, byte for byte, as signature checks need it, and the request's headers) and answers the statuses queued
 * in `statuses` first, then 200.
 */
export async function startRecordingReceiver<T>(path: string, record: (body: string, request: IncomingMessage) => T) {
  const received: T[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(record(Buffer.concat(chunks).toString(), request));
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    received,
    statuses,
    clear() {
      received.length = 0;
      statuses.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
