import { Module } from '@nestjs/common';
import { FreezeWindowsModule } from '../freeze-windows/freeze-windows.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { LaunchesModule } from '../launches/launches.module.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { DemoCredentialRepository } from './demo-credential.repository.js';
import { DemoFreezeWindowsSeeder } from './demo-freeze-windows.seeder.js';
import { DemoLaunchesSeeder } from './demo-launches.seeder.js';
import { DemoOutcomesSeeder } from './demo-outcomes.seeder.js';
import { DemoController } from './demo.controller.js';
import { DemoSeedService } from './demo-seed.service.js';

/** Loaded only in demo mode: demo people, their tokens, a few launches and their outcomes, a freeze window, the picker's route. */
@Module({
  imports: [IdentityModule, LaunchesModule, OutcomesModule, FreezeWindowsModule],
  controllers: [DemoController],
  providers: [
    DemoCredentialRepository,
    DemoSeedService,
    DemoLaunchesSeeder,
    DemoOutcomesSeeder,
    DemoFreezeWindowsSeeder,
  ],
  exports: [DemoSeedService],
})
export class DemoModule {}
