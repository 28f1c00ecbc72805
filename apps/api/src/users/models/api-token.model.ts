import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model.js';

@ObjectType('ApiToken', {
  description: 'A personal API token; its secret is never shown again after creation.',
})
export class ApiTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Refreshed at most once a minute.' })
  lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('CreatedApiToken', {
  description: 'A new token; `token` is shown once and stored only as a hash.',
})
export class CreatedApiTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The secret: send it as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => UserModel) user!: UserModel;
}
