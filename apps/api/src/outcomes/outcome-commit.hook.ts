import { Injectable } from '@nestjs/common';
import { gaReachedAt, outcomeMeasureDueAt } from '#workflow';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
  type HookWrites,
} from '../launches/launch-command.service.js';
import { OutcomeRepository } from './outcome.repository.js';

/**
 * Notes, in the change's transaction, when a launch reaches GA: its GA instant and cohort
 * for the counts, and the durable timer for its OUTCOME_MEASURED event.
 */
@Injectable()
export class OutcomeCommitHook implements CommitHook {
  constructor(
    commands: LaunchCommandService,
    private readonly outcomes: OutcomeRepository,
  ) {
    commands.useHook(this);
  }

  inTransaction(_tx: unknown, change: CommandResult): Promise<HookWrites> {
    return Promise.resolve({
      statements: change.events.flatMap((event) => {
        const gaAt = gaReachedAt({ ...event, at: event.at.toISOString() } as never);
        if (!gaAt) return [];
        return [
          this.outcomes.recordGaStatement({
            launchId: change.state.id,
            key: change.state.key,
            template: change.state.template,
            gaAt,
            measureDueAt: outcomeMeasureDueAt(gaAt),
          }),
        ];
      }),
    });
  }
}
