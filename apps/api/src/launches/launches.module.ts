import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CursorCodec } from '../common/cursor-codec.js';
import { TransitionsMetricsHook } from '../metrics/transitions.hook.js';
import { SecurityModule } from '../security/security.module.js';
import { AppConfig } from '../config/app-config.js';
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

@Module({
  imports: [SecurityModule],
  providers: [
    TransitionsMetricsHook,
    LaunchRepository,
    LaunchCommandService,
    LaunchQueryService,
    LaunchResolver,
    LaunchCommandsResolver,
    ChecklistItemPeopleResolver,
    SignOffPeopleResolver,
    EarlyAccessPeopleResolver,
    LaunchEventPeopleResolver,
    {
      provide: CursorCodec,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (db: DataSource, config: AppConfig) =>
        CursorCodec.create(db, config.CURSOR_SECRET),
    },
  ],
  exports: [LaunchCommandService, LaunchQueryService, LaunchRepository],
})
export class LaunchesModule {}
