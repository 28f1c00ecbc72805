import { Module } from '@nestjs/common';
import { MetricsController } from '../metrics/metrics.controller.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { RateLimitService } from './rate-limit.service.js';

@Module({
  controllers: [MetricsController],
  providers: [MetricsService, RateLimitService],
  exports: [MetricsService, RateLimitService],
})
export class SecurityModule {}
