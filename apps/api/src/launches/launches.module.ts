import { Module } from '@nestjs/common';
import { ChecklistItemResolver } from './checklist-item.resolver.js';
import { LaunchCommandService } from './launch-command.service.js';
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
    LaunchQueryService,
    LaunchResolver,
    LaunchCommandsResolver,
    ChecklistItemResolver,
    ChecklistItemPeopleResolver,
    SignOffPeopleResolver,
    EarlyAccessPeopleResolver,
    LaunchEventPeopleResolver,
  ],
  exports: [LaunchCommandService, LaunchQueryService, LaunchRepository],
})
export class LaunchesModule {}
