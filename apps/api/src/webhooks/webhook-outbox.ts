import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { CommandResult } from '../launches/launch-command.service.js';
import { webhookBody, type PayloadActor, type WebhookFormat } from './webhook-payload.js';

/** Writes one outbox message per matching endpoint and event, in the event's transaction. */
@Injectable()
export class WebhookOutbox {
  constructor(private readonly config: AppConfig) {}

  async enqueue(tx: EntityManager, change: CommandResult): Promise<void> {
    // Disabled endpoints get their messages too: they wait, and go out once re-enabled.
    const hooks: { id: string; event_types: string[] | null; format: WebhookFormat }[] =
      await tx.query(`SELECT id, event_types, format FROM webhook`);
    if (hooks.length === 0) return;
    const actorIds = [...new Set(change.events.map((e) => e.actorId).filter((id) => id !== null))];
    const actors = new Map<string, PayloadActor>();
    if (actorIds.length > 0) {
      const rows: PayloadActor[] = await tx.query(
        `SELECT id, name, email, role, teams FROM app_user WHERE id = ANY($1)`,
        [actorIds],
      );
      for (const row of rows) actors.set(row.id, row);
    }
    const ids: string[] = [];
    const webhookIds: string[] = [];
    const eventIds: string[] = [];
    const launchIds: string[] = [];
    const sequences: number[] = [];
    const bodies: string[] = [];
    for (const event of change.events) {
      for (const hook of hooks) {
        if (hook.event_types && !hook.event_types.includes(event.type)) continue;
        ids.push(randomUUID());
        webhookIds.push(hook.id);
        eventIds.push(event.id);
        launchIds.push(event.launchId);
        sequences.push(event.sequence);
        bodies.push(
          webhookBody(
            hook.format,
            event,
            change.state,
            event.actorId ? (actors.get(event.actorId) ?? null) : null,
            this.config.publicUrl,
          ),
        );
      }
    }
    if (ids.length === 0) return;
    await tx.query(
      `INSERT INTO webhook_message (id, webhook_id, event_id, launch_id, sequence, body)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[])`,
      [ids, webhookIds, eventIds, launchIds, sequences, bodies],
    );
  }
}
