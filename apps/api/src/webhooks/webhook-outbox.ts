import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { UserRepository } from '../identity/user.repository.js';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
  type HookWrites,
} from '../launches/launch-command.service.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';
import { webhookBody, type PayloadActor, type WebhookFormat } from './webhook-payload.js';

/** Writes one outbox message per matching endpoint and event, in the event's transaction. */
@Injectable()
export class WebhookOutbox implements CommitHook {
  private readonly repo = new WebhookOutboxRepository();

  constructor(
    commands: LaunchCommandService,
    private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {
    // Registered at construction, so changes made during start-up (demo seed) count too.
    commands.useHook(this);
  }

  /**
   * The message bodies in both formats, for the statement that picks each endpoint's: the
   * endpoints are read by that statement in the batch, not by a round trip of their own.
   */
  async inTransaction(tx: EntityManager, change: CommandResult): Promise<HookWrites> {
    if (change.events.length === 0) return { statements: [] };
    // The person who made the change travels with it; anyone else an event names is read.
    const known = change.actor ? [change.actor] : [];
    const otherIds = [
      ...new Set(change.events.map((e) => e.actorId).filter((id) => id && id !== change.actor?.id)),
    ] as string[];
    const people =
      otherIds.length > 0 ? [...known, ...(await this.users.findByIds(otherIds, tx))] : known;
    const actors = new Map<string, PayloadActor>(
      people.map((u) => [
        u.id,
        { id: u.id, name: u.name, email: u.email, role: u.role, teams: u.teams },
      ]),
    );
    const body = (format: WebhookFormat, event: CommandResult['events'][number]) =>
      webhookBody(
        format,
        event,
        change.state,
        event.actorId ? (actors.get(event.actorId) ?? null) : null,
        this.config.publicUrl,
      );
    const statements = [
      this.repo.insertForEndpointsStatement(
        change.events.map((event) => ({
          eventId: event.id,
          launchId: event.launchId,
          sequence: event.sequence,
          type: event.type,
          bodies: { JSON: body('JSON', event), SLACK: body('SLACK', event) },
        })),
      ),
    ];
    return { statements };
  }
}
