import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { UserRepository } from '../identity/user.repository.js';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
} from '../launches/launch-command.service.js';
import { WebhookOutboxRepository, type OutboxMessage } from './webhook-outbox.repository.js';
import { webhookBody, type PayloadActor } from './webhook-payload.js';

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

  async inTransaction(tx: EntityManager, change: CommandResult): Promise<void> {
    if (change.events.length === 0) return;
    const hooks = await this.repo.endpoints(tx);
    if (hooks.length === 0) return;
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
    const messages: OutboxMessage[] = [];
    for (const event of change.events) {
      for (const hook of hooks) {
        if (hook.event_types && !hook.event_types.includes(event.type)) continue;
        messages.push({
          id: randomUUID(),
          webhookId: hook.id,
          eventId: event.id,
          launchId: event.launchId,
          sequence: event.sequence,
          body: webhookBody(
            hook.format,
            event,
            change.state,
            event.actorId ? (actors.get(event.actorId) ?? null) : null,
            this.config.publicUrl,
          ),
        });
      }
    }
    await this.repo.insert(tx, messages);
  }
}
