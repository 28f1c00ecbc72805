import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../common/validators.js';

@InputType('CommentInput', {
  description: 'A comment on a launch (any signed-in user but VIEWER).',
})
export class CommentInput {
  @Field(() => ID, { description: 'The launch to comment on (final launches included).' })
  @IsString()
  launchId!: string;

  @Field({ description: '1..5,000 characters, not only whitespace.' })
  @NotBlank()
  @MaxLength(5_000)
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An event of the same launch this answers; another launch’s event is NOT_FOUND.',
  })
  @IsOptional()
  @IsString()
  replyToEventId?: string | null;
}
