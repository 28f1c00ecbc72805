import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { LaunchesModule } from '../launches/launches.module.js';
import { DemoCredentialRepository } from './demo-credential.repository.js';
import { DemoLaunchesSeeder } from './demo-launches.seeder.js';
import { DemoController } from './demo.controller.js';
import { DemoSeedService } from './demo-seed.service.js';

/** Loaded only in demo mode: demo people, their tokens, a few launches, the picker's route. */
@Module({
  imports: [IdentityModule, LaunchesModule],
  controllers: [DemoController],
  providers: [DemoCredentialRepository, DemoSeedService, DemoLaunchesSeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
