import { Controller, Get } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service.js';
import type { DemoUser } from './demo-user.js';

/** Exists only in demo mode (the module is not loaded otherwise): the admin UI's user picker. */
@Controller('demo')
export class DemoController {
  constructor(private readonly demo: DemoSeedService) {}

  @Get('users')
  users(): Promise<DemoUser[]> {
    return this.demo.list();
  }
}
