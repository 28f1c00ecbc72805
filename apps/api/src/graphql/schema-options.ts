import type { BuildSchemaOptions } from '@nestjs/graphql';
import { DateTimeResolver } from 'graphql-scalars';

/**
 * Shared by the app and `npm run schema`. DateTime is graphql-scalars' strict RFC 3339
 * scalar: Nest's own accepts "" as an Invalid Date, which then fails deep inside a resolver.
 */
export const SCHEMA_OPTIONS: BuildSchemaOptions = {
  scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
};
