import { Injectable } from '@nestjs/common';
import { validateCommand } from '#workflow';
import type { Viewer } from '../identity/viewer.js';
import { AppError } from '../common/app-error.js';
import { isUuid, parseId } from '../common/ids.js';
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
    validateCommand(command, new Date().toISOString());
    const launchId = parseId(input.launchId, 'Launch');
    // Events are immutable, so the reply target can be checked before the launch is locked.
    if (command.replyToEventId && !(await this.eventOfLaunch(command.replyToEventId, launchId))) {
      throw AppError.notFound('The event replied to');
    }
    const result = await this.commands.run(viewer, launchId, command);
    const [commented] = result.events;
    if (!commented) throw new AppError('INTERNAL_SERVER_ERROR', 'The comment made no event.');
    return commented;
  }

  private async eventOfLaunch(eventId: string, launchId: string): Promise<boolean> {
    return isUuid(eventId) && this.launches.eventBelongsTo(eventId, launchId);
  }
}
