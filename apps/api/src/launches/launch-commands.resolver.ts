import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { Viewer } from '../identity/viewer.js';
import {
  AddItemInput,
  AdvanceInput,
  CancelInput,
  CompleteItemInput,
  CreateLaunchInput,
  EarlyAccessInput,
  ReasonedItemInput,
  SignOffInput,
  UpdateLaunchInput,
} from './dto/launch.inputs.js';
import { LaunchCommandService, type AnsweredResult } from './launch-command.service.js';
import { toChecklistItemModel, toSignOffModel } from './models/launch.mappers.js';
import {
  ChecklistItemModel,
  LaunchModel,
  SignOffModel,
  toLaunchModel,
} from './models/launch.model.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : date);
type LaunchAnswer = 'CREATE' | 'UPDATE' | 'ADVANCE' | 'CANCEL' | 'GRANT_EARLY_ACCESS';
const launchOf = (r: AnsweredResult<LaunchAnswer>) => toLaunchModel(r.answer, r.version);

/** Thin: parse, call the command service, shape the answer. Rules live in libs/workflow. */
@Resolver()
export class LaunchCommandsResolver {
  constructor(private readonly commands: LaunchCommandService) {}

  @Mutation(() => LaunchModel, {
    description: 'Creates a launch from a checklist template (COORDINATOR, ADMIN).',
  })
  async createLaunch(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateLaunchInput,
  ): Promise<LaunchModel> {
    return launchOf(
      await this.commands.create(viewer, { ...input, targetGaDate: iso(input.targetGaDate) }),
    );
  }

  @Mutation(() => LaunchModel, {
    description: 'Changes launch fields (COORDINATOR, ADMIN); one UPDATED event.',
  })
  async updateLaunch(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateLaunchInput,
  ): Promise<LaunchModel> {
    const { expectedVersion, targetGaDate, ...fields } = input;
    // Only fields present in the input change; an explicit null clears description or target date.
    const changes = Object.fromEntries(
      Object.entries({ ...fields, targetGaDate: iso(targetGaDate) }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    return launchOf(
      await this.commands.run(viewer, id, { type: 'UPDATE', changes }, { expectedVersion }),
    );
  }

  @Mutation(() => ChecklistItemModel, {
    description:
      'Adds an item to the current or a later stage (COORDINATOR, ADMIN); a required one on the current stage supersedes its GOs.',
  })
  async addChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddItemInput,
  ): Promise<ChecklistItemModel> {
    const { launchId, expectedVersion, ...item } = input;
    const result = await this.commands.run(
      viewer,
      launchId,
      { type: 'ADD_ITEM', ...item },
      { expectedVersion },
    );
    return toChecklistItemModel(result.state, result.answer);
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Marks an OPEN item DONE (MEMBER/COORDINATOR of its team, or ADMIN).',
  })
  async completeChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CompleteItemInput,
  ): Promise<ChecklistItemModel> {
    const { expectedVersion, ...fields } = input;
    const result = await this.commands.runOnItem(
      viewer,
      { type: 'COMPLETE_ITEM', ...fields },
      { expectedVersion },
    );
    return toChecklistItemModel(result.state, result.answer);
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Reopens a DONE or WAIVED item, with a reason (its team, any COORDINATOR, ADMIN).',
  })
  reopenChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    return this.reasoned(viewer, 'REOPEN_ITEM', input);
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Waives an OPEN item, with a reason (COORDINATOR, ADMIN).',
  })
  waiveChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    return this.reasoned(viewer, 'WAIVE_ITEM', input);
  }

  @Mutation(() => SignOffModel, {
    description:
      'Signs GO or NO_GO for a team on the current stage (MEMBER/COORDINATOR of the team, or ADMIN; override rules in GATES.md).',
  })
  async signOff(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SignOffInput,
  ): Promise<SignOffModel> {
    const { launchId, expectedVersion, ...rest } = input;
    const result = await this.commands.run(
      viewer,
      launchId,
      { type: 'SIGN_OFF', ...rest },
      { expectedVersion },
    );
    // Just signed: as the launch now stands (a new GO is ACTIVE).
    return toSignOffModel(result.state, result.answer, result.answer.signedAt);
  }

  @Mutation(() => LaunchModel, {
    description:
      'Moves to the next stage (COORDINATOR, ADMIN); GATE_NOT_SATISFIED lists what is missing.',
  })
  async advanceLaunch(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AdvanceInput,
  ): Promise<LaunchModel> {
    return launchOf(
      await this.commands.run(
        viewer,
        input.launchId,
        { type: 'ADVANCE', freezeOverrideReason: input.freezeOverrideReason },
        { expectedVersion: input.expectedVersion },
      ),
    );
  }

  @Mutation(() => LaunchModel, {
    description: 'Cancels a launch that is not final, with a reason (COORDINATOR, ADMIN).',
  })
  async cancelLaunch(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CancelInput,
  ): Promise<LaunchModel> {
    return launchOf(
      await this.commands.run(
        viewer,
        input.launchId,
        { type: 'CANCEL', reason: input.reason },
        { expectedVersion: input.expectedVersion },
      ),
    );
  }

  @Mutation(() => LaunchModel, {
    description: 'Grants support early access, from BETA on, once (COORDINATOR, ADMIN).',
  })
  async grantEarlyAccess(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: EarlyAccessInput,
  ): Promise<LaunchModel> {
    const { launchId, expectedVersion, ...rest } = input;
    return launchOf(
      await this.commands.run(
        viewer,
        launchId,
        { type: 'GRANT_EARLY_ACCESS', ...rest },
        { expectedVersion },
      ),
    );
  }

  /** Reopen and waive: the same input, answered with the item as it now is. */
  private async reasoned(
    viewer: Viewer,
    type: 'REOPEN_ITEM' | 'WAIVE_ITEM',
    input: ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    const { expectedVersion, itemId, reason } = input;
    const result = await this.commands.runOnItem(
      viewer,
      { type, itemId, reason },
      { expectedVersion },
    );
    return toChecklistItemModel(result.state, result.answer);
  }
}
