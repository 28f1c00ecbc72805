import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RateLimitService } from './rate-limit.service.js';

/** Limits on what a caller may ask: rate limits kept in PostgreSQL (plugins read them). */
@Module({
  imports: [MetricsModule],
  providers: [RateLimitService],
  exports: [RateLimitService],
})
export class SecurityModule {}
