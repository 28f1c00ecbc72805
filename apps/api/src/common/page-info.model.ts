import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', {
  description: 'Keyset pagination: pass endCursor as `after` for the next page.',
})
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
