import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PgListener } from '../database/pg-listener.repository.js';
import { ApiTokenRepository } from './api-token.repository.js';

/** The NOTIFY channel on which a credential's end reaches every API process. */
export const CREDENTIALS_CHANNEL = 'liftoff_credentials';

/** A credential that stopped working: one token, or everything a user holds. */
export type CredentialEnded = { tokenId: string } | { userId: string };

/**
 * Tells whoever holds something a credential opened (subscription sockets) that the
 * credential ended, on every API process: through PostgreSQL NOTIFY with a server, in
 * process when embedded. `null` means "notifications may have been missed: check all".
 */
@Injectable()
export class CredentialEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners: ((ended: CredentialEnded | null) => void)[] = [];
  private listener: PgListener | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: ApiTokenRepository,
  ) {}

  onEnded(listener: (ended: CredentialEnded | null) => void): void {
    this.listeners.push(listener);
  }

  async announce(ended: CredentialEnded): Promise<void> {
    if (this.config.embedded) this.emit(ended);
    else await this.tokens.notify(CREDENTIALS_CHANNEL, JSON.stringify(ended));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.embedded) return;
    this.listener = new PgListener(this.config.DATABASE_URL!, [CREDENTIALS_CHANNEL], {
      notified: (_channel, payload) => {
        try {
          this.emit(JSON.parse(payload) as CredentialEnded);
        } catch {
          this.emit(null);
        }
      },
      resumed: () => this.emit(null),
    });
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private emit(ended: CredentialEnded | null): void {
    for (const listener of this.listeners) listener(ended);
  }
}
