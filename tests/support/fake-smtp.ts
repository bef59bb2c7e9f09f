import { createServer, type Socket } from 'node:net';

/**
 * Just enough of an SMTP server for a transport's `verify` (greeting, EHLO, QUIT; no TLS, no login): up, it
 * greets with 220; `refusing`, it greets with 554 as a server out of service does.
 */
export async function startFakeSmtp() {
  let refusing = false;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (refusing) {
      socket.end('554 5.3.2 Service not available\r\n');
      return;
    }
    socket.write('220 fake-smtp ESMTP ready\r\n');
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      let end: number;
      while ((end = pending.indexOf('\r\n')) >= 0) {
        const verb = pending.slice(0, end).split(' ')[0]!.toUpperCase();
        pending = pending.slice(end + 2);
        if (verb === 'EHLO') socket.write('250-fake-smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'NOOP' || verb === 'RSET') socket.write('250 OK\r\n');
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('502 5.5.2 Not implemented\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    refuse(value: boolean) {
      refusing = value;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
