import { Field, ID, ObjectType } from '@nestjs/graphql';
import { tokenScopes, type Team, type TokenScope } from '#workflow';
import { TeamEnum, TokenScopeEnum } from '../../common/graphql-enums.js';
import type { ApiTokenEntity } from '../api-token.entity.js';
import { UserModel } from './user.model.js';

@ObjectType('ApiToken', {
  description: 'A personal API token; its secret is never shown again after creation.',
})
export class ApiTokenModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field({ description: 'What the token is for.' }) name!: string;
  @Field({ description: 'When it was issued.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Refreshed at most once a minute.' })
  lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; it no longer works.' })
  revokedAt!: Date | null;
  @Field(() => [TokenScopeEnum], {
    description: 'What it may change; every scope when it was created without a list.',
  })
  scopes!: TokenScope[];
  @Field(() => [TeamEnum], {
    nullable: true,
    description: 'Items and sign-offs only for these teams; null: no team limit.',
  })
  teams!: Team[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Mutations only on these launches; null: no launch limit.',
  })
  launchIds!: string[] | null;
  @Field(() => Date, { nullable: true, description: 'From this instant on it no longer works.' })
  expiresAt!: Date | null;
}

export function apiTokenModel(token: ApiTokenEntity): ApiTokenModel {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
    scopes: tokenScopes(token.scopes),
    teams: token.teams,
    launchIds: token.launchIds,
    expiresAt: token.expiresAt,
  };
}

@ObjectType('CreatedApiToken', {
  description: 'A new token; `token` is shown once and stored only as a hash.',
})
export class CreatedApiTokenModel {
  @Field(() => ID, { description: 'The token id (for revokeApiToken).' }) id!: string;
  @Field({ description: 'What the token is for.' }) name!: string;
  @Field({ description: 'The secret: send it as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => UserModel, { description: 'Whose token it is.' }) user!: UserModel;
}
