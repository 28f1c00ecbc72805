import { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export interface PgListenerHandlers {
  /** A notification on one of the channels (payload as sent). */
  notified(channel: string, payload: string): void;
  /** Listening again after a lost connection that began at `lostAt` (ms): notifications may be missing. */
  resumed(lostAt: number): void;
}

/**
 * One dedicated connection that LISTENs on some channels, reconnecting with back-off after
 * any loss and telling its owner when it resumed, so the owner can catch up on what it may
 * have missed. PostgreSQL delivers NOTIFY only after the sender's commit, to every process.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client: pg.Client | null = null;
  private stopping = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private lostAt: number | null = null;

  constructor(
    private readonly url: string,
    private readonly channels: readonly string[],
    private readonly handlers: PgListenerHandlers,
  ) {}

  /** Connected and listening now: a notification sent from here on will arrive. */
  get listening(): boolean {
    return this.client !== null;
  }

  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      if (message.payload && this.channels.includes(message.channel)) {
        this.handlers.notified(message.channel, message.payload);
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection error: ${error.message}`);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      // Channel names are constants of this code base, never input.
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.logger.warn(`LISTEN connection failed: ${String(error)}`);
      await client.end().catch(() => undefined);
      this.lost(client);
      return;
    }
    if (this.stopping) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    if (this.lostAt !== null) {
      const since = this.lostAt;
      this.lostAt = null;
      this.handlers.resumed(since);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    if (this.stopping || this.reconnectTimer) return;
    this.lostAt ??= Date.now();
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }
}
