import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedElevenLabsWebhook {
  /** The raw body, byte for byte, as signature checks need it. */
  body: string;
  signature: string;
  chunked: boolean;
}

/** A stand-in for the platform's ElevenLabs webhook route, for tests: records each POST and answers 200. */
export async function startElevenLabsReceiver(path = '/api/webhooks/elevenlabs/test') {
  const received: ReceivedElevenLabsWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString(),
        signature: String(request.headers['elevenlabs-signature']),
        chunked: request.headers['transfer-encoding'] === 'chunked',
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    received,
    /** Bodies parsed, in arrival order. */
    events: () => received.map(({ body }) => JSON.parse(body) as { type: string; data: Record<string, unknown> }),
    clear: () => void (received.length = 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
