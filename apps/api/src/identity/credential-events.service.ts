import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PgListener } from '../database/pg-listener.repository.js';
import { ApiTokenRepository } from './api-token.repository.js';

/** The NOTIFY channel on which a credential's end reaches every API process. */
export const CREDENTIALS_CHANNEL = 'liftoff_credentials';

/** A credential that stopped working: one token, or everything a user holds. */
export type CredentialEnded = { tokenId: string } | { userId: string };

/** An ended credential, or a user whose role, teams or name changed (credentials still work). */
export type CredentialEvent = CredentialEnded | { changedUserId: string };

/**
 * Tells whoever holds something a credential opened (subscription sockets, the credential
 * cache) that the credential ended or its user changed, on every API process: through
 * PostgreSQL NOTIFY with a server, in process when embedded. `null` means "notifications may
 * have been missed: check all".
 */
@Injectable()
export class CredentialEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly endedListeners: ((ended: CredentialEnded | null) => void)[] = [];
  private readonly anyListeners: ((event: CredentialEvent | null) => void)[] = [];
  private listener: PgListener | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: ApiTokenRepository,
  ) {}

  /** Ends only (and null). */
  onEnded(listener: (ended: CredentialEnded | null) => void): void {
    this.endedListeners.push(listener);
  }

  /** Every event, user changes included (and null). */
  onEvent(listener: (event: CredentialEvent | null) => void): void {
    this.anyListeners.push(listener);
  }

  /**
   * Whether this process hears every event as it happens: embedded (one process), or while
   * the LISTEN connection is up. What is cached from credentials may be trusted only then.
   */
  get listening(): boolean {
    return this.config.embedded || (this.listener?.listening ?? false);
  }

  async announce(event: CredentialEvent): Promise<void> {
    // This process acts at once; its own NOTIFY comes back later and finds nothing left to do.
    this.emit(event);
    if (!this.config.embedded) {
      await this.tokens.notify(CREDENTIALS_CHANNEL, JSON.stringify(event));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.embedded) return;
    this.listener = new PgListener(this.config.DATABASE_URL!, [CREDENTIALS_CHANNEL], {
      notified: (_channel, payload) => {
        try {
          this.emit(JSON.parse(payload) as CredentialEvent);
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

  private emit(event: CredentialEvent | null): void {
    for (const listener of this.anyListeners) listener(event);
    if (event !== null && 'changedUserId' in event) return;
    for (const listener of this.endedListeners) listener(event);
  }
}
