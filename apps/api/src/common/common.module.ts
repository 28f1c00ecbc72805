import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AppSecretRepository } from '../database/app-secret.repository.js';
import { Clock, SystemClock } from './clock.js';
import { CursorCodec } from './cursor-codec.js';

/** What every feature shares: the clock, and one cursor codec for every paginated list. */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: CursorCodec,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (db: DataSource, config: AppConfig) =>
        CursorCodec.create(new AppSecretRepository(db), config.CURSOR_SECRET),
    },
  ],
  exports: [Clock, CursorCodec],
})
export class CommonModule {
  /** With a clock of the caller's (tests set the time instead of sleeping); default the system's. */
  static withClock(clock?: Clock): DynamicModule {
    return clock
      ? { module: CommonModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] }
      : { module: CommonModule };
  }
}
