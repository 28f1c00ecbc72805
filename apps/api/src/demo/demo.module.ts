import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { DemoLaunchesSeeder } from './demo-launches.seeder.js';
import { DemoController } from './demo.controller.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [LaunchesModule],
  controllers: [DemoController],
  providers: [DemoSeedService, DemoLaunchesSeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
