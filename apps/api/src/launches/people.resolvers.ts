import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../identity/request-context.js';
import { UserModel } from '../identity/models/user.model.js';
import { LaunchEventModel } from './models/launch-event.model.js';
import { ChecklistItemModel, EarlyAccessModel, SignOffModel } from './models/launch.model.js';

// The people behind items, sign-offs, grants and events, batched per request by the user loader.
// A page of launches asks for them hundreds of times: they take graphql-js's (parent, args,
// context) without parameter decorators, so Nest runs no per-call pipeline for them.

@Resolver(() => ChecklistItemModel)
export class ChecklistItemPeopleResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who marked it DONE or WAIVED.' })
  completedBy(item: ChecklistItemModel, _args: unknown, ctx: RequestContext) {
    return item.completedById ? ctx.loaders.user.load(item.completedById) : null;
  }
}

@Resolver(() => SignOffModel)
export class SignOffPeopleResolver {
  @ResolveField(() => UserModel, { description: 'The member (or admin) who signed.' })
  signedBy(signOff: SignOffModel, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.user.load(signOff.signedById);
  }
}

@Resolver(() => EarlyAccessModel)
export class EarlyAccessPeopleResolver {
  @ResolveField(() => UserModel, { description: 'The coordinator or admin who granted it.' })
  grantedBy(earlyAccess: EarlyAccessModel, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.user.load(earlyAccess.grantedById);
  }
}

@Resolver(() => LaunchEventModel)
export class LaunchEventPeopleResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null for timer-driven events.' })
  actor(event: LaunchEventModel, _args: unknown, ctx: RequestContext) {
    return event.actorId ? ctx.loaders.user.load(event.actorId) : null;
  }
}
