import { Injectable } from '@nestjs/common';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
  type HookWrites,
} from '../launches/launch-command.service.js';
import { MetricsService } from './metrics.service.js';

/** Counts stage entries once their change has committed. */
@Injectable()
export class TransitionsMetricsHook implements CommitHook {
  constructor(
    commands: LaunchCommandService,
    private readonly metrics: MetricsService,
  ) {
    commands.useHook(this);
  }

  inTransaction(): Promise<HookWrites> {
    return Promise.resolve({ statements: [] });
  }

  afterCommit(change: CommandResult): void {
    for (const event of change.events) {
      if (event.type === 'ADVANCED' || event.type === 'CANCELLED')
        this.metrics.transitions.inc({
          stage: event.type === 'ADVANCED' ? (event.data as { to: string }).to : 'CANCELLED',
        });
    }
  }
}
