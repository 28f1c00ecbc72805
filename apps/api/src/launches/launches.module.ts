import { Module } from '@nestjs/common';
import { ChecklistItemResolver } from './checklist-item.resolver.js';
import { LaunchCommandService } from './launch-command.service.js';
import { LaunchFreezeWindows } from './launch-freeze-windows.js';
import { LaunchCommandsResolver } from './launch-commands.resolver.js';
import { LaunchQueryService } from './launch-query.service.js';
import { LaunchRepository } from './launch.repository.js';
import { LaunchResolver } from './launch.resolver.js';
import {
  ChecklistItemPeopleResolver,
  EarlyAccessPeopleResolver,
  LaunchEventPeopleResolver,
  SignOffPeopleResolver,
} from './people.resolvers.js';

/**
 * Launches: the command path (one transaction per command, commit hooks other modules
 * register), reads from snapshots, and the launch repository.
 */
@Module({
  providers: [
    LaunchRepository,
    LaunchCommandService,
    LaunchFreezeWindows,
    LaunchQueryService,
    LaunchResolver,
    LaunchCommandsResolver,
    ChecklistItemResolver,
    ChecklistItemPeopleResolver,
    SignOffPeopleResolver,
    EarlyAccessPeopleResolver,
    LaunchEventPeopleResolver,
  ],
  exports: [LaunchCommandService, LaunchFreezeWindows, LaunchQueryService, LaunchRepository],
})
export class LaunchesModule {}
