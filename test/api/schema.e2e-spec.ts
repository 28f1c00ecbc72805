import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { printSdl, SCHEMA_FILE } from '../../apps/api/src/cli/schema-file.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';

describe('the GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp();
  });
  afterAll(() => app.close());

  it('served by the app is exactly the committed schema.gql', () => {
    const served = app.running.app.get(GraphQLSchemaHost).schema;
    expect(printSdl(served)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('keeps every name of the contract', () => {
    // The contract's additions (extensions included) count as soon as they are served.
    const contract = ['schema.graphql', 'outcomes.graphql', 'identity.graphql', 'policies.graphql']
      .map((file) => readFileSync(`../shared/contract/${file}`, 'utf8'))
      .join('\n')
      .replace(/#.*$/gm, '');
    const served = app.running.app.get(GraphQLSchemaHost).schema;
    const declared = [...contract.matchAll(/^(?:extend )?(type|input|enum) (\w+) \{([^}]*)\}/gm)];
    expect(declared.length).toBeGreaterThan(30);
    for (const name of [
      'LaunchOutcome',
      'OutcomeReport',
      'SupportTicketInput',
      'FreezeWindow',
      'LaunchPlan',
    ]) {
      expect(declared.map(([, , n]) => n)).toContain(name);
    }
    expect(declared.filter(([whole]) => whole.startsWith('extend')).length).toBeGreaterThanOrEqual(
      3,
    );
    for (const [, kind, name, body] of declared) {
      const type = served.getType(name!);
      expect({ name, present: !!type }).toEqual({ name, present: true });
      // Field names precede their arguments or type (one-line and multi-line bodies alike).
      const members =
        kind === 'enum'
          ? body!.trim().split(/\s+/)
          : [...body!.matchAll(/(\w+)\s*(?:\([^)]*\))?\s*:/g)].map((m) => m[1]!);
      const have =
        isObjectType(type) || isInputObjectType(type)
          ? Object.keys(type.getFields())
          : isEnumType(type)
            ? type.getValues().map((v) => v.name)
            : [];
      const missing = members.filter((member) => !have.includes(member));
      expect({ type: name, missing }).toEqual({ type: name, missing: [] });
    }
  });

  it('serves Launch.readiness(asOf), which policies.graphql names in a comment', () => {
    const served = app.running.app.get(GraphQLSchemaHost).schema;
    const launch = served.getType('Launch');
    if (!isObjectType(launch)) throw new Error('Launch is not an object type');
    const readiness = launch.getFields()['readiness'];
    expect(readiness?.args.map((a) => [a.name, String(a.type)])).toEqual([['asOf', 'DateTime']]);
  });

  it('describes every type and field', () => {
    const served = app.running.app.get(GraphQLSchemaHost).schema;
    const undocumented: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)
      )
        continue;
      // Root operation types carry no description of their own; their fields do.
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name))
        undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
