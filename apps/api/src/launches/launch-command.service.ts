import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyEvent,
  eventEffects,
  isBlocked,
  persistSnapshot,
  restoreSnapshot,
  runCommand,
  stateOf,
  type CommandAnswers,
  type CommandOf,
  type CreateLaunchCommand,
  type DomainEvent,
  type LaunchCommandType,
  type LaunchSnapshot,
  type LaunchState,
  type TemplateVersion,
} from '#workflow';
import type { UserEntity } from '../identity/user.entity.js';
import type { Viewer } from '../identity/viewer.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/ids.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { runBatch, type BatchStatement } from '../database/write-batch.repository.js';
import { eventHash } from './event-chain.js';
import type { LaunchEventEntity } from './launch-event.entity.js';
import { LaunchFreezeWindows } from './launch-freeze-windows.js';
import { LaunchRepository, type LockedLaunchRow } from './launch.repository.js';

/** What one committed command produced. */
export interface CommandResult {
  state: LaunchState;
  version: number;
  events: LaunchEventEntity[];
  /** Who made the change (null for timers), so commit hooks need not read them again. */
  actor: UserEntity | null;
}

/** A command's change plus what the rules say it answers with (the launch, item, sign-off...). */
export interface AnsweredResult<K extends LaunchCommandType> extends CommandResult {
  answer: CommandAnswers[K];
}

/** What the store knows that the rules judge, in their order, with the command. */
export interface RunOptions {
  /** The version the client read (CONFLICT when stale); null or absent: not checked. */
  expectedVersion?: number | null;
  /** COMMENT: the event replied to is not on this launch. */
  replyTargetMissing?: boolean;
  /** The demo seeder's history (events in the past, in order); otherwise the clock. */
  at?: string;
}

/** A hook's part of a change: its statements, and what it keeps of the log from now on. */
export interface HookWrites {
  readonly statements: readonly BatchStatement[];
  /** Stored on the launch row with the change, under the hook's `keeps` name. */
  readonly keep?: unknown;
}

/**
 * Work that belongs to every change: `inTransaction` answers, inside the command's
 * transaction and under the launch's lock, the hook's writes for the change (outbox rows,
 * durable timers, NOTIFY, which PostgreSQL delivers only on commit); they go out in the one
 * batch with the change's own writes, so they commit or vanish with its events. A hook that
 * needs something of the launch's past keeps it on the launch row (`keeps`; it gets the last
 * change's `keep` as `kept`, undefined when none was kept yet), read with the lock, instead of
 * reading the log under the lock. `afterCommit` runs once the commit succeeded. Registered by
 * the notifications module, so this service knows nothing of webhooks or subscribers.
 */
export interface CommitHook {
  readonly keeps?: string;
  inTransaction(tx: EntityManager, change: CommandResult, kept: unknown): Promise<HookWrites>;
  afterCommit?(change: CommandResult): void;
}

/** Decides, on the locked launch, the events the rules raise by themselves (none: []). */
export type SystemDecision = (
  tx: EntityManager,
  snapshot: LaunchSnapshot,
  now: string,
) => Promise<DomainEvent[]>;

/** Every stored version of the named template, read in the creating transaction. */
export type TemplateSource = (tx: EntityManager, name: string) => Promise<TemplateVersion[]>;

type LaunchScopedType = Exclude<LaunchCommandType, 'CREATE'>;
type ItemCommandType = 'COMPLETE_ITEM' | 'REOPEN_ITEM' | 'WAIVE_ITEM';

/**
 * Runs launch commands: one transaction each, which locks the launch row, asks
 * libs/workflow to decide, and writes the events, the snapshot and the projections.
 */
@Injectable()
export class LaunchCommandService {
  private readonly hooks: CommitHook[] = [];
  private templateSource: TemplateSource | null = null;

  constructor(
    private readonly repo: LaunchRepository,
    private readonly clock: Clock,
    private readonly freezeWindows: LaunchFreezeWindows,
  ) {}

  useHook(hook: CommitHook): void {
    this.hooks.push(hook);
  }

  /** Where CREATE finds template versions (the templates module); none: the built-ins. */
  useTemplateSource(source: TemplateSource): void {
    this.templateSource = source;
  }

  async create(
    viewer: Viewer,
    fields: Omit<CreateLaunchCommand, 'type' | 'id'>,
    options: Pick<RunOptions, 'at'> = {},
  ): Promise<AnsweredResult<'CREATE'>> {
    const command: CommandOf<'CREATE'> = { ...fields, type: 'CREATE', id: randomUUID() };
    try {
      return this.committed(
        await this.repo.db.transaction(async (tx) => {
          const outcome = runCommand({
            actor: viewer.actor,
            command,
            launch: null,
            keyTaken: await this.repo.keyExists(tx, command.key),
            templateVersions: await this.templateSource?.(tx, command.template ?? 'standard'),
            now: options.at ?? this.clock.now().toISOString(),
            newId: randomUUID,
          });
          const change = await this.commit(tx, viewer.user, null, outcome.events, outcome.snapshot);
          return { ...change, answer: outcome.answer };
        }),
      );
    } catch (error) {
      // Two creates racing for one key: the unique index decides, the loser hears CONFLICT.
      if (isUniqueViolation(error)) throw keyTakenError(command.key);
      throw error;
    }
  }

  /** Item commands name an item, not a launch: find its launch first. */
  async runOnItem<K extends ItemCommandType>(
    viewer: Viewer,
    command: CommandOf<K>,
    options: RunOptions = {},
  ): Promise<AnsweredResult<K>> {
    const itemId = command.itemId.toLowerCase();
    const launchId = isUuid(itemId) ? await this.repo.launchIdOfItem(itemId) : null;
    return this.execute<K>(viewer, launchId, { ...command, itemId }, options);
  }

  run<K extends LaunchScopedType>(
    viewer: Viewer,
    launchId: string,
    command: CommandOf<K>,
    options: RunOptions = {},
  ): Promise<AnsweredResult<K>> {
    return this.execute(viewer, isUuid(launchId) ? launchId.toLowerCase() : null, command, options);
  }

  /**
   * One transaction: lock the launch (none when `launchId` is null or names nothing), one
   * call into the rules (which check the input before the launch exists), append. Under the
   * lock: the locking read (snapshot, version, head hash and the hooks' state in one row), one
   * batch of writes, COMMIT. Work that needs no lock goes before it.
   */
  private async execute<K extends LaunchScopedType>(
    viewer: Viewer,
    launchId: string | null,
    command: CommandOf<K>,
    options: RunOptions,
  ): Promise<AnsweredResult<K>> {
    // Windows are not the launch's: read them before its lock, not while holding it.
    const freezeWindows =
      command.type === 'ADVANCE'
        ? await this.freezeWindows.notOverAt(options.at ?? this.clock.now().toISOString())
        : undefined;
    const result = await this.repo.db.transaction(async (tx) => {
      const row = launchId ? await this.repo.lock(tx, launchId) : null;
      // The clock is read after the lock, so event times follow sequence order.
      const now = options.at ?? this.clock.now().toISOString();
      const launch = row ? { snapshot: restoreSnapshot(row), version: row.version } : null;
      const outcome = runCommand({
        actor: viewer.actor,
        command,
        launch,
        expectedVersion: options.expectedVersion,
        replyTargetMissing: options.replyTargetMissing,
        freezeWindows,
        now,
        newId: randomUUID,
      });
      const change = await this.commit(tx, viewer.user, row, outcome.events, outcome.snapshot);
      return { ...change, answer: outcome.answer };
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
      const now = this.clock.now().toISOString();
      const snapshot = restoreSnapshot(row);
      const events = await decideDue(tx, snapshot, now);
      if (events.length === 0)
        return { state: stateOf(snapshot), version: row.version, events: [], actor: null };
      return this.commit(tx, null, row, events, events.reduce(applyEvent, snapshot));
    });
    return result && this.committed(result);
  }

  private committed<R extends CommandResult>(result: R): R {
    if (result.events.length > 0) for (const hook of this.hooks) hook.afterCommit?.(result);
    return result;
  }

  /**
   * Writes the decided events and everything they change, inside the caller's transaction:
   * one batch (one statement) with the hooks' writes. `row`: the locked launch, null when
   * the change creates it.
   */
  private async commit(
    tx: EntityManager,
    actor: UserEntity | null,
    row: LockedLaunchRow | null,
    events: readonly DomainEvent[],
    after: LaunchSnapshot,
  ): Promise<CommandResult> {
    const version = row?.version ?? 0;
    // An UPDATE that changes nothing: nothing to record.
    if (events.length === 0) return { state: stateOf(after), version, events: [], actor };
    const state = stateOf(after);
    let prevHash = row?.headHash ?? null;
    let sequence = version;
    const rows: LaunchEventEntity[] = [];
    const itemIds = new Set<string>();
    const signOffIds = new Set<string>();
    for (const event of events) {
      sequence += 1;
      const fields = {
        id: randomUUID(),
        launchId: state.id,
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
      rows.push({ ...fields, at: new Date(event.at), hash });
      prevHash = hash;
      const effects = eventEffects(event);
      effects.itemIds.forEach((id) => itemIds.add(id));
      effects.signOffIds.forEach((id) => signOffIds.add(id));
    }
    const stored = persistSnapshot(after);
    const items = state.items.filter((i) => itemIds.has(i.id));
    const signOffs = state.signOffs.filter((s) => signOffIds.has(s.id));
    // A changed sign-off the state no longer holds was superseded (only that removes one).
    const superseded = [...signOffIds].filter((id) => !signOffs.some((s) => s.id === id));
    const result = { state, version: sequence, events: rows, actor };
    const hookState = { ...row?.hookState };
    const hookStatements: BatchStatement[] = [];
    for (const hook of this.hooks) {
      const writes = await hook.inTransaction(tx, result, hook.keeps && hookState[hook.keeps]);
      hookStatements.push(...writes.statements);
      if (hook.keeps) hookState[hook.keeps] = writes.keep;
    }
    const statements: BatchStatement[] = [
      this.repo.saveLaunchStatement(
        {
          state,
          version: sequence,
          machineVersion: stored.machineVersion,
          snapshot: stored.snapshot,
          blocked: isBlocked(state),
          headHash: prevHash,
          hookState,
        },
        row === null,
      ),
      this.repo.appendEventsStatement(rows),
    ];
    if (items.length > 0) statements.push(this.repo.upsertItemsStatement(state.id, items));
    if (signOffs.length > 0) statements.push(this.repo.upsertSignOffsStatement(state.id, signOffs));
    if (superseded.length > 0)
      statements.push(this.repo.supersedeSignOffsStatement(state.id, superseded));
    await runBatch(tx, [...statements, ...hookStatements]);
    return result;
  }
}

function keyTakenError(key: string): AppError {
  return new AppError('CONFLICT', `The key "${key}" is taken by another launch.`, { field: 'key' });
}
