import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchEventModel } from '../launches/models/launch-event.model.js';
import { CommentInput } from './comment.input.js';
import { CommentsService } from './comments.service.js';

@Resolver()
export class CommentsResolver {
  constructor(private readonly comments: CommentsService) {}

  @Mutation(() => LaunchEventModel, {
    description:
      'Comments on a launch (any signed-in user but VIEWER; final launches too): one COMMENTED event, version + 1. The first comment after a NO_GO from outside the blocking team is its first response.',
  })
  async addComment(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CommentInput,
  ): Promise<LaunchEventModel> {
    return (await this.comments.add(viewer, input)) as LaunchEventModel;
  }
}
