import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { CommentsResolver } from './comments.resolver.js';
import { CommentsService } from './comments.service.js';

/** Discussion on a launch: COMMENTED events through the launch command path. */
@Module({
  imports: [LaunchesModule],
  providers: [CommentsService, CommentsResolver],
})
export class CommentsModule {}
