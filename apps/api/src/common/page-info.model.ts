import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', {
  description: 'Keyset pagination: pass endCursor as `after` for the next page.',
})
export class PageInfoModel {
  @Field({ description: 'True when more items follow this page.' }) hasNextPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; pass as `after`.',
  })
  endCursor!: string | null;
}
