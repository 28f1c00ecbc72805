import {
  advance,
  completeItem,
  createLaunch,
  createTeamMembers,
  ok,
  satisfyGate,
  signOff,
  TEAMS,
  uniqueKeyPrefix,
} from '../support/launch-factory.js';
import { OutcomeSchedulerService } from '../../apps/api/src/outcomes/outcome-scheduler.service.js';
import { SloSchedulerService } from '../../apps/api/src/slo/slo-scheduler.service.js';
import { WebhookDispatcherService } from '../../apps/api/src/webhooks/webhook-dispatcher.service.js';
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

interface PeoplePage {
  launches: {
    edges: {
      node: {
        checklist: { completedBy: { name: string } | null }[];
        signOffs: { signedBy: { name: string } }[];
        earlyAccess: { grantedBy: { name: string } } | null;
      };
    }[];
  };
}

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

  /** Keys of the launches a team's NO_GO blocks (every fourth). */
  const blocked = new Set<string>();
  const EARLY_ACCESS = [57, 58, 59]; // the newest, so on the first page

  beforeAll(async () => {
    app = await bootTestApp();
    // Statements are counted per request: the process's own timers and pollers (which fire
    // for these launches' due timers on their own schedule) are stopped for this suite.
    for (const job of [SloSchedulerService, OutcomeSchedulerService, WebhookDispatcherService]) {
      await app.running.app.get(job).onModuleDestroy();
    }
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    const drivers = await createTeamMembers(app);
    // Every launch has people behind it (completions, sign-offs, early-access grants, each by
    // a different user), so a page exercises every people loader, not only the coordinator's.
    for (let i = 0; i < 60; i += 1) {
      const key = `${prefix}-${i}`;
      const launch = await createLaunch(app, coordinator.token, { key, name: `Read test ${i}` });
      const team = TEAMS[i % 3]!;
      const member = await app.createUser({ role: 'MEMBER', teams: [team] });
      for (const item of launch.checklist.filter(
        (it) => it.stage === 'PLANNING' && it.team === team && it.required,
      ))
        ok(await completeItem(app, member.token, item.id));
      if (i % 4 === 0) {
        ok(await signOff(app, member.token, launch.id, team, 'NO_GO', `not yet ${i}`));
        blocked.add(key);
      } else {
        ok(await signOff(app, member.token, launch.id, team, 'GO'));
      }
      if (EARLY_ACCESS.includes(i)) {
        for (let stage = 0; stage < 2; stage += 1) {
          await satisfyGate(app, drivers, launch.id);
          ok(await advance(app, coordinator.token, launch.id));
        }
        const granter = await app.createUser({ role: 'COORDINATOR' });
        ok(
          await app.gql(
            granter.token,
            `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
            { i: { launchId: launch.id } },
          ),
        );
      }
    }
  });
  afterAll(() => app.close());

  it('costs the same small number of SQL statements for 50 launches as for 5 (no N+1)', async () => {
    const counter = QueryCounter.attach(app.running.database.dataSource);
    const page = (first: number) =>
      app.gql<PeoplePage>(coordinator.token, PAGE_QUERY, { first, filter: { search: prefix } });
    ok(await page(1)); // warms the token's lastUsedAt refresh
    let people: PeoplePage | undefined;
    const forFifty = await counter.count(async () => {
      people = ok(await page(50));
      expect(people.launches.edges).toHaveLength(50);
    });
    // The page did resolve people through every loader: completers, signers and granters.
    const nodes = people!.launches.edges.map((e) => e.node);
    expect(
      nodes.flatMap((n) => n.checklist.flatMap((c) => (c.completedBy ? [c.completedBy.name] : [])))
        .length,
    ).toBeGreaterThanOrEqual(40);
    expect(
      new Set(nodes.flatMap((n) => n.signOffs.map((x) => x.signedBy.name))).size,
    ).toBeGreaterThanOrEqual(40);
    expect(nodes.filter((n) => n.earlyAccess?.grantedBy.name)).toHaveLength(EARLY_ACCESS.length);
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
    const keys = async (filter: Record<string, unknown>) =>
      ok(
        await app.gql<Page>(coordinator.token, PAGE_QUERY, {
          first: 100,
          filter: { search: prefix, ...filter },
        }),
      )
        .launches.edges.map((e) => e.node.key)
        .sort();
    const all = Array.from({ length: 60 }, (_, i) => `${prefix}-${i}`);
    expect(await keys({ stage: 'ALPHA' })).toEqual([]);
    expect(await keys({ stage: 'BETA' })).toEqual(EARLY_ACCESS.map((i) => `${prefix}-${i}`).sort());
    expect(await keys({ blocked: true })).toEqual([...blocked].sort());
    expect(blocked.size).toBe(15);
    expect(await keys({ blocked: false })).toEqual(all.filter((k) => !blocked.has(k)).sort());
    expect(await keys({ stage: 'PLANNING', blocked: true })).toEqual([...blocked].sort());
  });
});
