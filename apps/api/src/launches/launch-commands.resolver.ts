import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { Viewer } from '../identity/viewer.js';
import { AppError } from '../common/app-error.js';
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
import { LaunchCommandService, type CommandResult } from './launch-command.service.js';
import { toChecklistItemModel, toSignOffModel } from './models/launch.mappers.js';
import {
  ChecklistItemModel,
  LaunchModel,
  SignOffModel,
  toLaunchModel,
} from './models/launch.model.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : date);
const launchOf = (r: CommandResult) => toLaunchModel(r.state, r.version);
function itemOf(r: CommandResult, itemId: string): ChecklistItemModel {
  const item = r.state.items.find((i) => i.id === itemId);
  if (!item) throw new AppError('INTERNAL_SERVER_ERROR', 'The item vanished.');
  return toChecklistItemModel(item);
}
/** The id of the entity an event made (an added item, a sign-off), from its data. */
function createdId(r: CommandResult, key: 'itemId' | 'signOffId'): string {
  const data = r.events[0]?.data as { item?: { id: string }; signOffId?: string } | undefined;
  const id = key === 'itemId' ? data?.item?.id : data?.signOffId;
  if (!id) throw new AppError('INTERNAL_SERVER_ERROR', 'The command made nothing.');
  return id;
}

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
      await this.commands.run(viewer, id, { type: 'UPDATE', changes }, expectedVersion),
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
      expectedVersion,
    );
    return itemOf(result, createdId(result, 'itemId'));
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Marks an OPEN item DONE (MEMBER/COORDINATOR of its team, or ADMIN).',
  })
  completeChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CompleteItemInput,
  ): Promise<ChecklistItemModel> {
    return this.onItem(viewer, 'COMPLETE_ITEM', input);
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Reopens a DONE or WAIVED item, with a reason (its team, any COORDINATOR, ADMIN).',
  })
  reopenChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    return this.onItem(viewer, 'REOPEN_ITEM', input);
  }

  @Mutation(() => ChecklistItemModel, {
    description: 'Waives an OPEN item, with a reason (COORDINATOR, ADMIN).',
  })
  waiveChecklistItem(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    return this.onItem(viewer, 'WAIVE_ITEM', input);
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
      expectedVersion,
    );
    const id = createdId(result, 'signOffId');
    return toSignOffModel(result.state.signOffs.find((s) => s.id === id)!);
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
      await this.commands.run(viewer, input.launchId, { type: 'ADVANCE' }, input.expectedVersion),
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
        input.expectedVersion,
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
        expectedVersion,
      ),
    );
  }

  /** The three item commands: run on the item's launch, answer with the item as it now is. */
  private async onItem(
    viewer: Viewer,
    type: 'COMPLETE_ITEM' | 'REOPEN_ITEM' | 'WAIVE_ITEM',
    input: CompleteItemInput | ReasonedItemInput,
  ): Promise<ChecklistItemModel> {
    const { expectedVersion, ...fields } = input;
    const command = { type, ...fields } as Parameters<LaunchCommandService['runOnItem']>[1];
    const result = await this.commands.runOnItem(viewer, command, expectedVersion);
    return itemOf(result, fields.itemId.toLowerCase());
  }
}
