import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyEvent,
  authorize,
  decide,
  eventEffects,
  initialSnapshot,
  isBlocked,
  persistSnapshot,
  restoreSnapshot,
  stateOf,
  validateCommand,
  type CreateLaunchCommand,
  type DomainEvent,
  type LaunchCommand,
  type LaunchSnapshot,
  type LaunchState,
} from '#workflow';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../common/app-error.js';
import { isUuid } from '../common/ids.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { eventHash } from './event-chain.js';
import { LaunchEventEntity } from './launch-event.entity.js';
import { LaunchRepository } from './launch.repository.js';

/** What one committed command produced. */
export interface CommandResult {
  state: LaunchState;
  version: number;
  events: LaunchEventEntity[];
}

/**
 * Work that belongs to every change: `inTransaction` runs inside the command's transaction
 * after its events are appended (outbox rows, durable timers, NOTIFY, which PostgreSQL
 * delivers only on commit); `afterCommit` runs once the commit succeeded. Registered by
 * the notifications module, so this service knows nothing of webhooks or subscribers.
 */
export interface CommitHook {
  inTransaction(tx: EntityManager, change: CommandResult): Promise<void>;
  afterCommit?(change: CommandResult): void;
}

/** Decides, on the locked launch, the events the rules raise by themselves (none: []). */
export type SystemDecision = (
  tx: EntityManager,
  snapshot: LaunchSnapshot,
  now: string,
) => Promise<DomainEvent[]>;

type LaunchScopedCommand = Exclude<LaunchCommand, CreateLaunchCommand>;

/**
 * Runs launch commands: one transaction each, which locks the launch row, asks
 * libs/workflow to decide, and writes the events, the snapshot and the projections.
 */
@Injectable()
export class LaunchCommandService {
  private readonly hooks: CommitHook[] = [];

  constructor(private readonly repo: LaunchRepository) {}

  useHook(hook: CommitHook): void {
    this.hooks.push(hook);
  }

  async create(
    viewer: Viewer,
    command: Omit<CreateLaunchCommand, 'type' | 'id'>,
  ): Promise<CommandResult> {
    const create: CreateLaunchCommand = { ...command, type: 'CREATE', id: randomUUID() };
    const now = new Date().toISOString();
    validateCommand(create, now);
    const refusal = authorize(viewer.actor, create, null);
    if (refusal) throw refusal;
    try {
      return this.committed(
        await this.repo.db.transaction(async (tx) => {
          if (await this.repo.keyExists(tx, create.key)) throw keyTaken(create.key);
          const events = decide(null, viewer.actor, create, { now, newId: randomUUID });
          return this.commit(tx, null, 0, null, events);
        }),
      );
    } catch (error) {
      // Two creates racing for one key: the unique index decides, the loser hears CONFLICT.
      if (isUniqueViolation(error)) throw keyTaken(create.key);
      throw error;
    }
  }

  /** Item commands name an item, not a launch: find its launch first. */
  async runOnItem(
    viewer: Viewer,
    command: Extract<LaunchScopedCommand, { itemId: string }>,
    expectedVersion?: number | null,
  ): Promise<CommandResult> {
    validateCommand(command, new Date().toISOString());
    const launchId = isUuid(command.itemId)
      ? await this.repo.launchIdOfItem(command.itemId.toLowerCase())
      : null;
    if (!launchId) throw AppError.notFound('Checklist item');
    return this.run(
      viewer,
      launchId,
      { ...command, itemId: command.itemId.toLowerCase() },
      expectedVersion,
    );
  }

  async run(
    viewer: Viewer,
    launchId: string,
    command: LaunchScopedCommand,
    expectedVersion?: number | null,
  ): Promise<CommandResult> {
    validateCommand(command, new Date().toISOString());
    if (!isUuid(launchId)) throw AppError.notFound('Launch');
    const result = await this.repo.db.transaction(async (tx) => {
      const row = await this.repo.lock(tx, launchId.toLowerCase());
      if (!row) throw AppError.notFound('Launch');
      // The clock is read after the lock, so event times follow sequence order.
      const now = new Date().toISOString();
      const snapshot = restoreSnapshot(row);
      const refusal = authorize(viewer.actor, command, stateOf(snapshot));
      if (refusal) throw refusal;
      if (
        expectedVersion !== null &&
        expectedVersion !== undefined &&
        expectedVersion !== row.version
      ) {
        throw new AppError(
          'CONFLICT',
          `The launch is at version ${row.version}, not ${expectedVersion}: reload it and try again.`,
        );
      }
      const events = decide(snapshot, viewer.actor, command, { now, newId: randomUUID });
      return this.commit(
        tx,
        snapshot,
        row.version,
        await this.repo.headHash(tx, row.id, row.version),
        events,
      );
    });
    return this.committed(result);
  }

  /**
   * The path for events no person asked for (timers): the same lock, version, hash chain and
   * hooks as a command. The launch row is taken with SKIP LOCKED: a launch busy in another
   * transaction (a command, or another process firing the same timer) answers null, and the
   * caller looks again on its next scan. `decideDue` sees the launch as locked.
   */
  async runSystem(launchId: string, decideDue: SystemDecision): Promise<CommandResult | null> {
    const result = await this.repo.db.transaction(async (tx) => {
      const row = await this.repo.lock(tx, launchId, { skipLocked: true });
      if (!row) return null;
      const now = new Date().toISOString();
      const snapshot = restoreSnapshot(row);
      const events = await decideDue(tx, snapshot, now);
      if (events.length === 0)
        return { state: stateOf(snapshot), version: row.version, events: [] };
      return this.commit(
        tx,
        snapshot,
        row.version,
        await this.repo.headHash(tx, row.id, row.version),
        events,
      );
    });
    return result && this.committed(result);
  }

  private committed(result: CommandResult): CommandResult {
    if (result.events.length > 0) for (const hook of this.hooks) hook.afterCommit?.(result);
    return result;
  }

  /** Applies the decided events and writes everything they change, inside the caller's transaction. */
  private async commit(
    tx: EntityManager,
    before: LaunchSnapshot | null,
    version: number,
    headHash: string | null,
    events: readonly DomainEvent[],
  ): Promise<CommandResult> {
    if (events.length === 0) {
      // An UPDATE that changes nothing: nothing to record.
      if (!before) throw new AppError('INTERNAL_SERVER_ERROR', 'A create produced no events.');
      return { state: stateOf(before), version, events: [] };
    }
    let snapshot = before;
    let prevHash = headHash;
    let sequence = version;
    const rows: LaunchEventEntity[] = [];
    const itemIds = new Set<string>();
    const signOffIds = new Set<string>();
    for (const event of events) {
      snapshot = snapshot
        ? applyEvent(snapshot, event)
        : initialSnapshot(event as Parameters<typeof initialSnapshot>[0]);
      sequence += 1;
      const fields = {
        id: randomUUID(),
        launchId: stateOf(snapshot).id,
        sequence,
        type: event.type,
        stage: event.stage,
        team: event.team,
        actorId: event.actorId,
        at: event.at,
        data: event.data,
        prevHash,
      };
      const hash = eventHash(fields);
      rows.push(
        Object.assign(new LaunchEventEntity(), { ...fields, at: new Date(event.at), hash }),
      );
      prevHash = hash;
      const effects = eventEffects(event);
      effects.itemIds.forEach((id) => itemIds.add(id));
      effects.signOffIds.forEach((id) => signOffIds.add(id));
    }
    if (!snapshot) throw new AppError('INTERNAL_SERVER_ERROR', 'A command produced no events.');
    const state = stateOf(snapshot);
    const stored = persistSnapshot(snapshot);
    // The launch row first (the others reference it); then the rest queued at once on the
    // transaction's connection, so the lock is not held across event-loop turns between them.
    await this.repo.saveLaunch(
      tx,
      {
        state,
        version: sequence,
        machineVersion: stored.machineVersion,
        snapshot: stored.snapshot,
        blocked: isBlocked(state),
      },
      before === null,
    );
    await Promise.all([
      this.repo.upsertItems(
        tx,
        state.id,
        state.items.filter((i) => itemIds.has(i.id)),
      ),
      this.repo.upsertSignOffs(
        tx,
        state.id,
        state.signOffs.filter((s) => signOffIds.has(s.id)),
      ),
      this.repo.appendEvents(tx, rows),
    ]);
    const result = { state, version: sequence, events: rows };
    for (const hook of this.hooks) await hook.inTransaction(tx, result);
    return result;
  }
}

function keyTaken(key: string): AppError {
  return new AppError('CONFLICT', `The key "${key}" is taken by another launch.`, { field: 'key' });
}
