import { createServer, type Socket } from 'node:net';

type Greeting = 'ok' | 'refuse' | 'silent';

export interface ScriptedSmtpOptions {
  /** `ok` greets with 220, `refuse` with 554 (out of service), `silent` never greets; `greet` changes it later. */
  greeting?: Greeting;
  /** Advertises AUTH PLAIN; `accept` answers 235, `refuse` 535. */
  auth?: 'accept' | 'refuse';
  /** Recipients answered 550 at RCPT TO. */
  rejectRecipients?: string[];
}

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * An SMTP server that follows a script, for the mailer and the verify probe: greeting, EHLO, AUTH PLAIN,
 * MAIL/RCPT/DATA and QUIT, no TLS. It keeps every message it accepted.
 */
export async function startScriptedSmtp(options: ScriptedSmtpOptions = {}) {
  const { auth, rejectRecipients = [] } = options;
  let greeting = options.greeting ?? 'ok';
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (greeting === 'silent') return;
    if (greeting === 'refuse') {
      socket.end('554 5.3.2 Service not available\r\n');
      return;
    }
    socket.write('220 scripted-smtp ESMTP ready\r\n');
    let pending = '';
    let envelope: ReceivedMail = { from: '', to: [], data: '' };
    let inData = false;
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let end: number;
      while ((end = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(envelope);
            envelope = { from: '', to: [], data: '' };
            socket.write('250 2.0.0 queued\r\n');
          } else envelope.data += `${line}\r\n`;
          continue;
        }
        const verb = line.split(' ')[0]!.toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        if (verb === 'EHLO') socket.write(`250-scripted-smtp\r\n${auth ? '250-AUTH PLAIN\r\n' : ''}250 8BITMIME\r\n`);
        else if (verb === 'AUTH') {
          socket.write(auth === 'accept' ? '235 2.7.0 Accepted\r\n' : '535 5.7.8 Authentication failed\r\n');
        } else if (verb === 'MAIL') {
          envelope.from = address;
          socket.write('250 2.1.0 OK\r\n');
        } else if (verb === 'RCPT') {
          if (rejectRecipients.includes(address)) socket.write('550 5.1.1 No such user\r\n');
          else {
            envelope.to.push(address);
            socket.write('250 2.1.5 OK\r\n');
          }
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'RSET' || verb === 'NOOP' || verb === 'HELO') socket.write('250 OK\r\n');
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('502 5.5.2 Not implemented\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** How the next connections are greeted (a server that goes out of service and comes back). */
    greet(mode: Greeting) {
      greeting = mode;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
