import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  checkTemplateInput,
  templateCommandRefusal,
  type TemplateDefinition,
  type TemplateInput,
  type TemplateVersion,
} from '#workflow';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import { TemplateRepository } from './template.repository.js';

function checked(input: TemplateInput, previous: TemplateVersion | null): TemplateDefinition {
  const result = checkTemplateInput(input, previous);
  if (result.problem) throw AppError.badInput(result.problem.field, result.problem.message);
  return result.definition;
}

/**
 * Templates as data: reads for everyone, writes for admins (the rule is libs/workflow's),
 * every version checked by libs/checklists and never changed once stored.
 */
@Injectable()
export class TemplateService implements OnModuleInit {
  constructor(
    private readonly repo: TemplateRepository,
    private readonly clock: Clock,
    private readonly launches: LaunchCommandService,
  ) {}

  /** A new launch copies a version of its template: the command path reads them from here. */
  onModuleInit(): void {
    this.launches.useTemplateSource((tx, name) => this.repo.versions(name, tx));
  }

  list(): Promise<TemplateVersion[]> {
    return this.repo.latestOfEach();
  }

  async find(name: string, version: number | null): Promise<TemplateVersion> {
    const found = await this.repo.find(name, version ?? null);
    if (!found) {
      throw AppError.notFound(
        version === null || version === undefined
          ? `The template "${name}"`
          : `Version ${version} of the template "${name}"`,
      );
    }
    return found;
  }

  async create(viewer: Viewer, input: TemplateInput): Promise<TemplateVersion> {
    const definition = checked(input, null);
    const refused = templateCommandRefusal(viewer.actor, { type: 'CREATE_TEMPLATE' });
    if (refused) throw refused;
    await this.repo.db.transaction(async (tx) => {
      if (!(await this.repo.claimName(tx, definition.name))) {
        throw new AppError('CONFLICT', `A template named "${definition.name}" exists already.`, {
          field: 'name',
        });
      }
      await this.repo.insertVersion(tx, definition, 1, viewer.user.id, this.clock.now());
    });
    return this.find(definition.name, 1);
  }

  async publish(viewer: Viewer, input: TemplateInput): Promise<TemplateVersion> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const published = await this.repo.db.transaction(async (tx) => {
      const held = await this.repo.lock(tx, name);
      const versions = held ? await this.repo.versions(name, tx) : [];
      const latest = versions.at(-1) ?? null;
      const definition = checked(input, latest);
      if (!held || !latest) throw AppError.notFound(`The template "${name}"`);
      const refused = templateCommandRefusal(viewer.actor, { type: 'PUBLISH_TEMPLATE_VERSION' });
      if (refused) throw refused;
      if (held.archived) {
        throw new AppError(
          'CONFLICT',
          `The template "${name}" is archived; it takes no new versions.`,
        );
      }
      const version = latest.version + 1;
      await this.repo.insertVersion(tx, definition, version, viewer.user.id, this.clock.now());
      return version;
    });
    return this.find(name, published);
  }

  async archive(viewer: Viewer, name: string): Promise<TemplateVersion> {
    const refused = templateCommandRefusal(viewer.actor, { type: 'ARCHIVE_TEMPLATE', name });
    if (refused) throw refused;
    await this.repo.db.transaction(async (tx) => {
      if (!(await this.repo.lock(tx, name))) throw AppError.notFound(`The template "${name}"`);
      await this.repo.archive(tx, name, viewer.user.id, this.clock.now());
    });
    return this.find(name, null);
  }
}
