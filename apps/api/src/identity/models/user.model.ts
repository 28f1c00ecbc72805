import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role, Team } from '#workflow';
import { IdentitySourceEnum, RoleEnum, TeamEnum } from '../../common/graphql-enums.js';

@ObjectType('User', { description: 'A person (or a bot) who holds API tokens.' })
export class UserModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field({ description: 'Display name.' }) name!: string;
  @Field({ description: 'Unique, stored lower-cased.' }) email!: string;
  @Field(() => RoleEnum, { description: 'What the user may do.' }) role!: Role;
  @Field(() => [TeamEnum], { description: 'Teams the user acts for (signs off, completes items).' })
  teams!: Team[];
  @Field({ description: 'False once deactivated: no token, session or sign-in works for it.' })
  active!: boolean;
  @Field(() => IdentitySourceEnum, {
    description: 'LOCAL, or OIDC once a single sign-on created or linked the user.',
  })
  managedBy!: 'LOCAL' | 'OIDC';
}
