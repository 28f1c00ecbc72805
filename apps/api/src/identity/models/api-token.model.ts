import { Field, ID, ObjectType } from '@nestjs/graphql';
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
