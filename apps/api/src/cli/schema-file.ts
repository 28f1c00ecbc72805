import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ENTRY_PROVIDER_WATERMARK } from '@nestjs/common/constants.js';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { FEATURE_MODULES } from '../app.module.js';
import { SCHEMA_OPTIONS } from '../graphql/schema-options.js';

export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/**
 * Every resolver the feature modules register, read from their module metadata: a module
 * that adds a resolver adds it to the schema, with no list to keep by hand.
 */
export function resolverClasses(): Type[] {
  return FEATURE_MODULES.flatMap((module) =>
    ((Reflect.getMetadata('providers', module) ?? []) as unknown[]).filter(
      (provider): provider is Type =>
        typeof provider === 'function' &&
        // @Resolver() marks its class with Nest's entry-provider watermark.
        Reflect.getMetadata(ENTRY_PROVIDER_WATERMARK, provider) === true,
    ),
  );
}

const HEADER = '# Generated from the code-first resolvers by `npm run schema`; do not edit.\n\n';

export function printSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

async function buildSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolverClasses(), SCHEMA_OPTIONS);
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
