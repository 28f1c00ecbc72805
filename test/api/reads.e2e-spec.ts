import { createLaunch, ok, uniqueKeyPrefix } from '../support/launch-factory.js';
import { QueryCounter } from '../support/query-counter.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const PAGE_QUERY = `query($first: Int!, $after: String, $filter: LaunchFilter) {
  launches(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id key name stage blocked updatedAt version
      coordinator { id name }
      viewerCan { advance signFor }
      readiness { canAdvance blocked score missing { kind team message item { id title } } stages { stage teams { team decision signOff { signedBy { name } } } } }
      checklist { id title status completedBy { name } }
      signOffs { id decision signedBy { name } }
      earlyAccess { leadDaysElapsed grantedBy { name } }
    } }
  }
}`;

interface Page {
  launches: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; key: string; updatedAt: string; stage: string };
    }[];
  };
}

describe('reading launches', () => {
  let app: TestApp;
  let coordinator: TestUser;
  const prefix = uniqueKeyPrefix();

  beforeAll(async () => {
    app = await bootTestApp();
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    for (let i = 0; i < 60; i += 1)
      await createLaunch(app, coordinator.token, { key: `${prefix}-${i}`, name: `Read test ${i}` });
  });
  afterAll(() => app.close());

  it('costs the same small number of SQL statements for 50 launches as for 5 (no N+1)', async () => {
    const counter = QueryCounter.attach(app.running.database.dataSource);
    const page = (first: number) => app.gql<Page>(coordinator.token, PAGE_QUERY, { first });
    ok(await page(1)); // warms the token's lastUsedAt refresh
    const forFifty = await counter.count(async () =>
      expect(ok(await page(50)).launches.edges).toHaveLength(50),
    );
    const forFive = await counter.count(async () =>
      expect(ok(await page(5)).launches.edges).toHaveLength(5),
    );
    process.stdout.write(
      `SQL statements: launches(first: 50) = ${forFifty}, launches(first: 5) = ${forFive}\n`,
    );
    expect(forFifty).toBe(forFive);
    expect(forFifty).toBeLessThanOrEqual(5);
  });

  it('pages with signed keyset cursors, newest update first, no duplicates or gaps', async () => {
    const filter = { search: prefix.toUpperCase() };
    const seen: Page['launches']['edges'] = [];
    let after: string | null = null;
    let total: number;
    do {
      const data: Page = ok(
        await app.gql<Page>(coordinator.token, PAGE_QUERY, { first: 7, after, filter }),
      );
      total = data.launches.totalCount;
      seen.push(...data.launches.edges);
      after = data.launches.pageInfo.hasNextPage ? data.launches.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(60);
    expect(new Set(seen.map((e) => e.node.id)).size).toBe(60);
    const times = seen.map((e) => Date.parse(e.node.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by stage and blocked', async () => {
    const data = ok(
      await app.gql<Page>(coordinator.token, PAGE_QUERY, {
        first: 100,
        filter: { search: prefix, stage: 'ALPHA' },
      }),
    );
    expect(data.launches.totalCount).toBe(0);
    const unblocked = ok(
      await app.gql<Page>(coordinator.token, PAGE_QUERY, {
        first: 100,
        filter: { search: `${prefix}-1`, blocked: false },
      }),
    );
    // -1 and -10..-19
    expect(unblocked.launches.totalCount).toBe(11);
    expect(unblocked.launches.edges.every((e) => e.node.key.startsWith(`${prefix}-1`))).toBe(true);
  });
});
