import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { ROLES, TEAMS, type Role, type Team } from '#workflow';
import { RoleEnum, TeamEnum } from '../../common/graphql-enums.js';
import { NotBlank } from '../../common/validators.js';

@InputType({ description: 'A new user; email must be unique.' })
export class CreateUserInput {
  @Field({ description: '1..200 characters, not only whitespace.' })
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field({ description: 'Unique (case-insensitive), up to 320 characters.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => RoleEnum, { description: 'ADMIN, COORDINATOR, MEMBER or VIEWER.' })
  @IsIn(ROLES)
  role!: Role;

  @Field(() => [TeamEnum], {
    nullable: true,
    defaultValue: [],
    description: 'Teams the user acts for.',
  })
  @IsOptional()
  @IsIn(TEAMS, { each: true })
  @ArrayMaxSize(3)
  teams?: Team[] | null;
}
