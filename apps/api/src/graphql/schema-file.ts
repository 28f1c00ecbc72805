import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { LaunchCommandsResolver } from '../launches/launch-commands.resolver.js';
import { LaunchResolver } from '../launches/launch.resolver.js';
import {
  ChecklistItemPeopleResolver,
  EarlyAccessPeopleResolver,
  LaunchEventPeopleResolver,
  SignOffPeopleResolver,
} from '../launches/people.resolvers.js';
import { UsersResolver } from '../users/users.resolver.js';
import { SCHEMA_OPTIONS } from './schema-options.js';
import { CommentsResolver } from '../comments/comments.resolver.js';
import { LaunchEventsResolver } from '../notifications/launch-events.resolver.js';
import { WebhooksResolver } from '../webhooks/webhooks.resolver.js';

export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/** Every resolver class of the API; a test checks the running app serves exactly this schema. */
export const RESOLVERS = [
  UsersResolver,
  LaunchResolver,
  LaunchCommandsResolver,
  ChecklistItemPeopleResolver,
  SignOffPeopleResolver,
  EarlyAccessPeopleResolver,
  LaunchEventPeopleResolver,
  CommentsResolver,
  WebhooksResolver,
  LaunchEventsResolver,
];

const HEADER = '# Generated from the code-first resolvers by `npm run schema`; do not edit.\n\n';

export function printSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

async function buildSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, SCHEMA_OPTIONS);
  await app.close();
  return schema;
}

/** `node schema-file.js` writes schema.gql; with `--check` it fails when the committed file drifted. */
async function main(): Promise<void> {
  const sdl = printSdl(await buildSchema());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== sdl) {
      process.stderr.write('schema.gql is out of date: run `npm run schema` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write('schema.gql is up to date.\n');
    return;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
