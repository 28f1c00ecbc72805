import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AppSecretRepository } from '../database/app-secret.repository.js';
import { CursorCodec } from './cursor-codec.js';

/** What every feature shares: one cursor codec for every paginated list. */
@Global()
@Module({
  providers: [
    {
      provide: CursorCodec,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (db: DataSource, config: AppConfig) =>
        CursorCodec.create(new AppSecretRepository(db), config.CURSOR_SECRET),
    },
  ],
  exports: [CursorCodec],
})
export class CommonModule {}
