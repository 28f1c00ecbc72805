import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, MaxLength } from 'class-validator';
import { ROLES, TEAMS, type Role, type Team } from '#workflow';
import { RoleEnum, TeamEnum } from '../../common/graphql-enums.js';
import { NotBlank } from '../../common/validators.js';

@InputType({
  description:
    'Changes to a user; a field left out, or sent with its current value, does not change.',
})
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: '1..200 characters, not only whitespace.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'ADMIN only.' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role | null;

  @Field(() => [TeamEnum], { nullable: true, description: 'ADMIN only.' })
  @IsOptional()
  @IsIn(TEAMS, { each: true })
  @ArrayMaxSize(3)
  teams?: Team[] | null;
}
