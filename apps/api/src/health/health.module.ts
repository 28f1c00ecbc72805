import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';

/** Liveness and readiness (the database answers) for load balancers and orchestrators. */
@Module({ controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
