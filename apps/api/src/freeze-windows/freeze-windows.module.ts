import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { FreezeWindowRepository } from './freeze-window.repository.js';
import { FreezeWindowService } from './freeze-window.service.js';
import { FreezeWindowsResolver } from './freeze-windows.resolver.js';

/** Freeze windows: declared and ended by admins, read by everyone, judged by launches' gates. */
@Module({
  imports: [LaunchesModule],
  providers: [FreezeWindowRepository, FreezeWindowService, FreezeWindowsResolver],
  exports: [FreezeWindowService],
})
export class FreezeWindowsModule {}
