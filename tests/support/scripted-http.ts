import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the stand-in server read it, its body whole. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP server standing in for a provider's API in an adapter's tests (as `scripted-smtp.ts` does for
 * SMTP): `handle` sees each request once its body is read and writes the answer, or none to hold it open.
 */
export async function startScriptedHttp(handle: (request: ReceivedRequest, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      handle({ method: request.method!, url: request.url!, headers: request.headers, body }, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A forward proxy that refuses every tunnel with 403 and records where each CONNECT was headed: for an adapter
 * with live credentials, it shows which host the SDK would call, and nothing leaves the machine.
 */
export async function startRefusingProxy() {
  const connects: string[] = [];
  const proxy = createServer();
  proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
    connects.push(request.url!);
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => new Promise((resolve) => proxy.close(resolve)),
  };
}
