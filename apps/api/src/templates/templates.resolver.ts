import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import { UserModel } from '../identity/models/user.model.js';
import type { RequestContext } from '../identity/request-context.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchModel } from '../launches/models/launch.model.js';
import { TemplateInput, TemplateLookupArgs } from './dto/template.inputs.js';
import {
  ChecklistTemplateModel,
  GatePolicyModel,
  toGatePolicyModel,
  toTemplateModel,
} from './models/template.model.js';
import { TemplateService } from './template.service.js';

@Resolver(() => ChecklistTemplateModel)
export class TemplatesResolver {
  constructor(private readonly service: TemplateService) {}

  @Query(() => [ChecklistTemplateModel], {
    description: 'The latest version of each template, archived ones too, by name.',
  })
  async templates(): Promise<ChecklistTemplateModel[]> {
    return (await this.service.list()).map(toTemplateModel);
  }

  @Query(() => ChecklistTemplateModel, {
    nullable: true,
    description:
      'One version of a template (the latest when version is null); NOT_FOUND if absent.',
  })
  async template(@Args() args: TemplateLookupArgs): Promise<ChecklistTemplateModel> {
    return toTemplateModel(await this.service.find(args.name, args.version ?? null));
  }

  @Mutation(() => ChecklistTemplateModel, {
    description: 'Creates version 1 of a new template (ADMIN); a taken name: CONFLICT.',
  })
  async createTemplate(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TemplateInput,
  ): Promise<ChecklistTemplateModel> {
    return toTemplateModel(await this.service.create(viewer, input));
  }

  @Mutation(() => ChecklistTemplateModel, {
    description:
      'Publishes the next version of a template (ADMIN); NOT_FOUND if none, CONFLICT if archived.',
  })
  async publishTemplateVersion(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TemplateInput,
  ): Promise<ChecklistTemplateModel> {
    return toTemplateModel(await this.service.publish(viewer, input));
  }

  @Mutation(() => ChecklistTemplateModel, {
    description: 'Archives a template (ADMIN): no new launches from it; not "standard".',
  })
  async archiveTemplate(
    @CurrentViewer() viewer: Viewer,
    @Args('name') name: string,
  ): Promise<ChecklistTemplateModel> {
    return toTemplateModel(await this.service.archive(viewer, name));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the built-ins.' })
  createdBy(@Parent() template: ChecklistTemplateModel, @Context() ctx: RequestContext) {
    return template.createdById ? ctx.loaders.user.load(template.createdById) : null;
  }
}

/** A launch's template version and the policy it copied. */
@Resolver(() => LaunchModel)
export class LaunchTemplateResolver {
  constructor(private readonly templates: TemplateService) {}

  @ResolveField(() => ChecklistTemplateModel, {
    description: 'The template version this launch was created from.',
  })
  async checklistTemplate(@Parent() launch: LaunchModel): Promise<ChecklistTemplateModel> {
    return toTemplateModel(
      await this.templates.find(launch.state.template, launch.state.templateVersion),
    );
  }

  @ResolveField(() => GatePolicyModel, { description: 'Copied from the template at creation.' })
  policy(@Parent() launch: LaunchModel): GatePolicyModel {
    return toGatePolicyModel(launch.state.policy);
  }
}
