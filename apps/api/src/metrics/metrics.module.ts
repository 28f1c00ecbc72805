import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { LaunchesModule } from '../launches/launches.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { TransitionsMetricsHook } from './transitions.hook.js';

/** Prometheus metrics: the registry, /metrics, and the launch transitions counted on commit. */
@Module({
  imports: [LaunchesModule, IdentityModule],
  controllers: [MetricsController],
  providers: [MetricsService, TransitionsMetricsHook],
  exports: [MetricsService],
})
export class MetricsModule {}
