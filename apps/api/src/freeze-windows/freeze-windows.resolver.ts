import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import { UserModel } from '../identity/models/user.model.js';
import type { RequestContext } from '../identity/request-context.js';
import type { Viewer } from '../identity/viewer.js';
import { FreezeWindowInput, FreezeWindowsArgs } from './dto/freeze-window.inputs.js';
import { FreezeWindowService } from './freeze-window.service.js';
import { FreezeWindowModel, toFreezeWindowModel } from './models/freeze-window.model.js';

@Resolver(() => FreezeWindowModel)
export class FreezeWindowsResolver {
  constructor(private readonly service: FreezeWindowService) {}

  @Query(() => [FreezeWindowModel], {
    description:
      'Windows whose effective span overlaps [from (default now), to (default open)), soonest start first; from not before to: BAD_USER_INPUT.',
  })
  async freezeWindows(@Args() args: FreezeWindowsArgs): Promise<FreezeWindowModel[]> {
    return (await this.service.list(args.from, args.to)).map(toFreezeWindowModel);
  }

  @Mutation(() => FreezeWindowModel, { description: 'Declares a freeze window (ADMIN).' })
  async createFreezeWindow(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: FreezeWindowInput,
  ): Promise<FreezeWindowModel> {
    return toFreezeWindowModel(
      await this.service.create(viewer, {
        ...input,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
      }),
    );
  }

  @Mutation(() => FreezeWindowModel, {
    description: 'Ends a freeze window now (ADMIN); one already over or ended: CONFLICT.',
  })
  async endFreezeWindow(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FreezeWindowModel> {
    return toFreezeWindowModel(await this.service.end(viewer, id));
  }

  @ResolveField(() => UserModel, { description: 'The admin who declared it.' })
  async createdBy(
    @Parent() window: FreezeWindowModel,
    @Context() ctx: RequestContext,
  ): Promise<UserModel> {
    return (await ctx.loaders.user.load(window.createdById))!;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The admin who ended it.' })
  endedBy(@Parent() window: FreezeWindowModel, @Context() ctx: RequestContext) {
    return window.endedById ? ctx.loaders.user.load(window.endedById) : null;
  }
}
