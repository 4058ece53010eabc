// An HTTP proxy in front of the service that fails a share of requests at random, in the four ways a network
// and a load balancer fail: the connection drops before or after the service saw the request, or a 500 comes back
// before or after the service stored it.

import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'drop-before' | 'drop-after' | '500-before' | '500-after';
export const FAULTS: Fault[] = ['drop-before', 'drop-after', '500-before', '500-after'];

export type FlakyProxy = { url: string; faults: Record<Fault | 'passed', number>; close(): Promise<void> };

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function startFlakyProxy(target: string, failShare: number, random: () => number): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const faults: FlakyProxy['faults'] = { 'drop-before': 0, 'drop-after': 0, '500-before': 0, '500-after': 0, passed: 0 };
  const server = createServer((req, res) => {
    // whether a request fails is random; the kind of failure takes turns, so a short run meets every kind
    const failedSoFar = FAULTS.reduce((n, f) => n + faults[f], 0);
    const fault = random() < failShare ? FAULTS[failedSoFar % FAULTS.length]! : undefined;
    faults[fault ?? 'passed']++;
    if (fault === 'drop-before') return void req.socket.destroy();
    if (fault === '500-before') {
      req.resume();
      return void res.writeHead(500, { 'content-type': 'text/plain' }).end('proxy error');
    }
    forward(req, res, upstream, fault);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function forward(req: IncomingMessage, res: ServerResponse, upstream: URL, fault: Fault | undefined): void {
  const outgoing = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        // the service has answered, so it has stored the batch; the device must still not learn that
        if (fault === 'drop-after') return void req.socket.destroy();
        if (fault === '500-after') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('proxy error');
        res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
      });
    },
  );
  outgoing.on('error', () => req.socket.destroy());
  req.pipe(outgoing);
}
