import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { TemplateRepository } from './template.repository.js';
import { TemplateService } from './template.service.js';
import { LaunchTemplateResolver, TemplatesResolver } from './templates.resolver.js';

/** Checklist templates as data: versions, archiving, and what launches copy from them. */
@Module({
  imports: [LaunchesModule],
  providers: [TemplateRepository, TemplateService, TemplatesResolver, LaunchTemplateResolver],
})
export class TemplatesModule {}
