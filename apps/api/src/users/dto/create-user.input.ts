import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, TEAMS, type Role, type Team } from '#workflow';
import { RoleEnum, TeamEnum } from '../../common/graphql-enums.js';
import { NotBlank } from '../../common/validators.js';

@InputType({ description: 'A new user; email must be unique.' })
export class CreateUserInput {
  @Field({ description: '1..200 characters, not only whitespace.' })
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => RoleEnum) @IsIn(ROLES) role!: Role;

  @Field(() => [TeamEnum], { defaultValue: [] })
  @IsIn(TEAMS, { each: true })
  @ArrayMaxSize(3)
  teams: Team[] = [];
}
