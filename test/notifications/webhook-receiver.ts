import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Date.now() at arrival. */
  at: number;
}

export type Responder = (
  request: Received,
  index: number,
) => { status: number; delayMs?: number; headers?: Record<string, string> };

/** A real HTTP receiver on loopback that records every request it gets. */
export class WebhookReceiver {
  readonly requests: Received[] = [];
  respond: Responder = () => ({ status: 204 });
  private server: Server | null = null;
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.listen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async listen(port = 0): Promise<void> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received: Received = {
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        this.requests.push(received);
        const answer = this.respond(received, this.requests.length - 1);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (res.destroyed) return;
          res.writeHead(answer.status, answer.headers).end('ok');
        }, answer.delayMs ?? 0);
        this.timers.add(timer);
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = null;
  }

  /** JSON bodies of the requests, parsed. */
  bodies<T = { type: string; data: { sequence: number; launchId: string; type: string } }>(): T[] {
    return this.requests.map((r) => JSON.parse(r.body) as T);
  }
}

/**
 * Standard Webhooks verification written here from the spec, independent of the API's
 * signing code: key = base64 after "whsec_"; the signed content is `${id}.${timestamp}.${body}`;
 * the header holds space-separated `v1,<base64 HMAC-SHA256>`; the timestamp must be recent.
 * Answers which of the given secrets signed the request.
 */
export function verifiedBy(request: Received, secrets: string[], toleranceS = 300): string[] {
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const header = request.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof header !== 'string')
    return [];
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceS)
    return [];
  const given = header
    .split(' ')
    .map((s) => s.split(','))
    .filter(([version]) => version === 'v1')
    .map(([, sig]) => Buffer.from(sig ?? '', 'base64'));
  return secrets.filter((secret) => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${id}.${timestamp}.${request.body}`)
      .digest();
    return given.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected));
  });
}
