import { Injectable } from '@nestjs/common';
import type { Viewer } from '../identity/viewer.js';
import { AppError } from '../common/app-error.js';
import { isUuid } from '../common/ids.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import type { LaunchEventEntity } from '../launches/launch-event.entity.js';
import { LaunchRepository } from '../launches/launch.repository.js';
import type { CommentInput } from './comment.input.js';

/** addComment: a COMMENTED event through the ordinary command path (version + 1). */
@Injectable()
export class CommentsService {
  constructor(
    private readonly commands: LaunchCommandService,
    private readonly launches: LaunchRepository,
  ) {}

  async add(viewer: Viewer, input: CommentInput): Promise<LaunchEventEntity> {
    const command = {
      type: 'COMMENT' as const,
      body: input.body,
      replyToEventId: input.replyToEventId?.trim()
        ? input.replyToEventId.trim().toLowerCase()
        : null,
    };
    // Events are immutable, so the reply target can be looked up before the launch is locked;
    // the rules judge it, after the input, with the rest.
    const replyTargetMissing =
      !!command.replyToEventId &&
      !(
        isUuid(input.launchId) && (await this.eventOfLaunch(command.replyToEventId, input.launchId))
      );
    const result = await this.commands.run(viewer, input.launchId, command, { replyTargetMissing });
    const [commented] = result.events;
    if (!commented) throw new AppError('INTERNAL_SERVER_ERROR', 'The comment made no event.');
    return commented;
  }

  private async eventOfLaunch(eventId: string, launchId: string): Promise<boolean> {
    return isUuid(eventId) && this.launches.eventBelongsTo(eventId, launchId);
  }
}
