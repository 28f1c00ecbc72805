import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  DEFAULT_BLOCK_RESPONSE_HOURS,
  addItemStages,
  DEFAULT_SUPPORT_LEAD_DAYS,
  KEY_PATTERN,
  approveFor,
  LIMITS,
  grantEarlyAccessRefusal,
  itemOptions,
  signOffOptions,
  supportLeadTime,
  viewerCan,
  withdrawnBy,
  type Stage,
  type Team,
} from '#workflow';
import { Clock } from '../common/clock.js';
import { StageEnum, TeamEnum } from '../common/graphql-enums.js';
import type { RequestContext } from '../identity/request-context.js';
import { UserModel } from '../identity/models/user.model.js';
import { LaunchesArgs, LaunchLookupArgs } from './dto/launch.inputs.js';
import { LaunchQueryService } from './launch-query.service.js';
import { LaunchEventConnectionModel } from './models/launch-event.model.js';
import {
  ChecklistItemModel,
  EarlyAccessModel,
  LaunchConnectionModel,
  LaunchInputLimitsModel,
  LaunchModel,
  LaunchPermissionsModel,
  LaunchPlanModel,
  ReadinessModel,
  SignOffModel,
} from './models/launch.model.js';
import { toChecklistItemModel, toSignOffModel } from './models/launch.mappers.js';

@Resolver(() => LaunchModel)
export class LaunchResolver {
  constructor(
    private readonly queries: LaunchQueryService,
    private readonly clock: Clock,
  ) {}

  /** Reads judge time-bound rules (expiry, lead time) at the service's clock. */
  private now(): string {
    return this.clock.now().toISOString();
  }

  @Query(() => LaunchModel, {
    nullable: true,
    description: 'One launch by exactly one of id or key; NOT_FOUND if absent.',
  })
  launch(@Args() args: LaunchLookupArgs): Promise<LaunchModel> {
    return this.queries.findOne(args);
  }

  @Query(() => LaunchConnectionModel, {
    description: 'Launches, most recently updated first; first is 1..100.',
  })
  launches(@Args() args: LaunchesArgs): Promise<LaunchConnectionModel> {
    return this.queries.page(args);
  }

  @Query(() => [LaunchModel], {
    description: 'Launches with support early access granted, neither GA nor CANCELLED.',
  })
  earlyAccessLaunches(): Promise<LaunchModel[]> {
    return this.queries.earlyAccess();
  }

  @Query(() => LaunchInputLimitsModel, {
    description: 'The bounds launch input must keep, for forms to show before sending.',
  })
  launchInputLimits(): LaunchInputLimitsModel {
    return {
      keyPattern: KEY_PATTERN.source,
      nameMaxLength: LIMITS.name,
      titleMaxLength: LIMITS.title,
      descriptionMaxLength: LIMITS.description,
      textMaxLength: LIMITS.text,
      urlMaxLength: LIMITS.url,
      supportLeadDays: {
        ...LIMITS.supportLeadDays,
        wholeNumbers: true,
        defaultValue: DEFAULT_SUPPORT_LEAD_DAYS,
      },
      blockResponseHours: {
        ...LIMITS.blockResponseHours,
        wholeNumbers: false,
        defaultValue: DEFAULT_BLOCK_RESPONSE_HOURS,
      },
    };
  }

  /*
   * The field resolvers every page asks for take graphql-js's (parent, args, context) as is,
   * without parameter decorators: Nest then runs no per-call pipeline (context creation,
   * pipes) for them, which on a page of 50 launches is most of the work.
   */

  @ResolveField(() => UserModel, { description: 'Who created the launch and runs it.' })
  async coordinator(launch: LaunchModel, _args: unknown, ctx: RequestContext): Promise<UserModel> {
    return (await ctx.loaders.user.load(launch.state.coordinatorId))!;
  }

  @ResolveField(() => LaunchPermissionsModel, {
    description: "What the caller's role and teams allow here now, from the rules that enforce it.",
  })
  viewerCan(
    launch: LaunchModel,
    _args: unknown,
    { viewer }: RequestContext,
  ): LaunchPermissionsModel {
    const can = viewerCan(viewer.actor, launch.state);
    const now = this.now();
    return {
      ...can,
      approveFor: approveFor(viewer.actor, launch.state, now),
      signFor: [...can.signFor],
      completeFor: [...can.completeFor],
      reopenFor: [...can.reopenFor],
      items: itemOptions(viewer.actor, launch.state),
      addItemStages: addItemStages(viewer.actor, launch.state),
      signOffs: signOffOptions(viewer.actor, launch.state, now),
      grantEarlyAccessRefusal: grantEarlyAccessRefusal(viewer.actor, launch.state, now),
    };
  }

  @ResolveField(() => EarlyAccessModel, { nullable: true, description: 'Null until granted.' })
  earlyAccess(launch: LaunchModel): EarlyAccessModel | null {
    const granted = launch.state.earlyAccess;
    const lead = supportLeadTime(launch.state, this.now());
    if (!granted || !lead) return null;
    return {
      grantedAt: new Date(granted.grantedAt),
      grantedById: granted.grantedById,
      url: granted.url,
      notes: granted.notes,
      leadDaysElapsed: lead.elapsedDays,
      leadTimeMet: lead.met,
      leadTimeMetAt: new Date(lead.metAt),
    };
  }

  @ResolveField(() => [ChecklistItemModel], {
    description: 'The launch’s own checklist, optionally one stage and/or team.',
  })
  checklist(
    @Parent() launch: LaunchModel,
    @Args('stage', { type: () => StageEnum, nullable: true }) stage?: Stage | null,
    @Args('team', { type: () => TeamEnum, nullable: true }) team?: Team | null,
  ): ChecklistItemModel[] {
    return launch.state.items
      .filter((i) => (!stage || i.stage === stage) && (!team || i.team === team))
      .map((item) => toChecklistItemModel(launch.state, item));
  }

  @ResolveField(() => [SignOffModel], {
    description: 'Sign-offs, oldest first; ACTIVE only unless includeSuperseded.',
  })
  async signOffs(
    @Parent() launch: LaunchModel,
    @Args('stage', { type: () => StageEnum, nullable: true }) stage?: Stage | null,
    @Args('includeSuperseded', { type: () => Boolean, defaultValue: false })
    includeSuperseded = false,
  ): Promise<SignOffModel[]> {
    return (await this.queries.signOffs(launch, includeSuperseded))
      .filter((s) => !stage || s.stage === stage)
      .map((s) => toSignOffModel(launch.state, s, this.now()));
  }

  @ResolveField(() => [SignOffModel], {
    description:
      'The GOs adding an item to `stage` would supersede now (GATES.md: every ACTIVE GO on the stage, for a required item; never a NO_GO), so a client can say before the change whose GOs it withdraws. [] for an optional item, a later stage, or a change not possible now.',
  })
  addItemWithdraws(
    @Parent() launch: LaunchModel,
    @Args('stage', { type: () => StageEnum }) stage: Stage,
    @Args('required', { type: () => Boolean, defaultValue: true }) required: boolean,
  ): SignOffModel[] {
    const now = this.now();
    return withdrawnBy(launch.state, { type: 'ADD_ITEM', stage, required }).map((s) =>
      toSignOffModel(launch.state, s, now),
    );
  }

  @ResolveField(() => ReadinessModel, {
    description: 'Is it ready, and if not, what exactly is missing and whose move is it?',
  })
  readiness(
    @Parent() launch: LaunchModel,
    @Context() ctx: RequestContext,
    @Args('asOf', {
      type: () => Date,
      nullable: true,
      description:
        'Readiness as it stood at this moment (between creation and now; BAD_USER_INPUT otherwise); default now.',
    })
    asOf?: Date | null,
  ): Promise<ReadinessModel> {
    return this.queries.readiness(launch, asOf, ctx);
  }

  @ResolveField(() => LaunchPlanModel, {
    description:
      'What it takes to reach GA by gaBy (in the future); INVALID_TRANSITION on GA and CANCELLED launches.',
  })
  plan(
    @Parent() launch: LaunchModel,
    @Context() ctx: RequestContext,
    @Args('gaBy', { type: () => Date, description: 'The GA date to plan for.' }) gaBy: Date,
  ): Promise<LaunchPlanModel> {
    return this.queries.plan(launch, gaBy, ctx);
  }

  @ResolveField(() => LaunchEventConnectionModel, {
    description: 'The audit log, oldest first; first is 1..100.',
  })
  events(
    @Parent() launch: LaunchModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LaunchEventConnectionModel> {
    return this.queries.events(launch.id, first, after);
  }
}
