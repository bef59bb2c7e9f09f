import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { driveAtRate, type Sample, type VirtualUser } from './virtual-users';

/** A server that answers every request after `delayMs`, counting the requests per path. */
async function startServer(delayMs: number) {
  const hits = new Map<string, number>();
  const server = http.createServer((request, response) => {
    hits.set(request.url!, (hits.get(request.url!) ?? 0) + 1);
    setTimeout(() => response.end('{}'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

const user = (name: string): VirtualUser => ({
  tenant: name,
  headers: {},
  next: () => ({ route: `GET /${name}`, method: 'GET', path: `/${name}` }),
});

describe('driveAtRate (open loop)', () => {
  it('sends rate × time requests whatever the answers, in turn over the users, recording the measured window', async () => {
    // Answers take 300 ms: a closed loop over two users could send at most ~7 per second.
    const server = await startServer(300);
    try {
      const samples: Sample[] = [];
      const { windowSeconds } = await driveAtRate(server.url, [user('a'), user('b')], {
        rate: 40,
        warmupSeconds: 0.5,
        seconds: 1,
        record: (sample) => samples.push(sample),
      });
      expect(server.hits.get('/a')! + server.hits.get('/b')!).toBe(60);
      expect(Math.abs(server.hits.get('/a')! - server.hits.get('/b')!)).toBeLessThanOrEqual(1);
      expect(samples).toHaveLength(40);
      expect(samples.every((sample) => sample.answer.status === 200 && sample.answer.ms >= 290)).toBe(true);
      // Open: the last request was due at 1.475 s and answered 0.3 s later. A closed loop over two users would
      // need 30 round trips of 0.3 s each.
      expect(windowSeconds).toBeGreaterThanOrEqual(1.25);
      expect(windowSeconds).toBeLessThan(3);
    } finally {
      await server.close();
    }
  });
});
