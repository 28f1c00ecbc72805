import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  checkFreezeWindowInput,
  endFreezeWindowRefusal,
  freezeWindowCommandRefusal,
  freezeWindowRange,
  type FreezeWindow,
  type FreezeWindowInput,
} from '#workflow';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { parseId } from '../common/ids.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchFreezeWindows } from '../launches/launch-freeze-windows.js';
import { FreezeWindowRepository } from './freeze-window.repository.js';

const WINDOW = 'The freeze window';

/**
 * Freeze windows (POLICIES.md): every signed-in user reads them, admins create and end them
 * (the rules are libs/workflow's), and launches judge their gates against them.
 */
@Injectable()
export class FreezeWindowService implements OnModuleInit {
  constructor(
    private readonly repo: FreezeWindowRepository,
    private readonly clock: Clock,
    private readonly launches: LaunchFreezeWindows,
  ) {}

  /** Advancing, readiness and plans read windows from here. */
  onModuleInit(): void {
    this.launches.useSource((at, startedBy) => this.repo.notOverAt(at, startedBy));
  }

  list(from: Date | null | undefined, to: Date | null | undefined): Promise<FreezeWindow[]> {
    const range = freezeWindowRange(
      from?.toISOString(),
      to?.toISOString(),
      this.clock.now().toISOString(),
    );
    return this.repo.overlapping(range.from, range.to);
  }

  async create(viewer: Viewer, input: FreezeWindowInput): Promise<FreezeWindow> {
    const now = this.clock.now();
    const window = checkFreezeWindowInput(input, now.toISOString());
    const refused = freezeWindowCommandRefusal(viewer.actor);
    if (refused) throw refused;
    return this.repo.insert(randomUUID(), window, viewer.user.id, now);
  }

  /** GATES.md order: NOT_FOUND, FORBIDDEN, then CONFLICT for a window already over. */
  async end(viewer: Viewer, rawId: string): Promise<FreezeWindow> {
    const id = parseId(rawId, WINDOW);
    return this.repo.db.transaction(async (tx) => {
      const window = await this.repo.lock(tx, id);
      if (!window) throw AppError.notFound(WINDOW);
      const now = this.clock.now();
      const refused =
        freezeWindowCommandRefusal(viewer.actor) ??
        endFreezeWindowRefusal(window, now.toISOString());
      if (refused) throw refused;
      return this.repo.end(tx, id, viewer.user.id, now);
    });
  }
}
