import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRepository } from './health.repository.js';

const DATABASE_CHECK_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  /** Readiness: 200 when the database answers within two seconds, 503 otherwise. */
  @Get()
  async ready(@Res({ passthrough: true }) res: Response) {
    const database = await this.databaseAnswers();
    res.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' };
  }

  /** Liveness: the process runs. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.health.ping().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
