/*
 * Freeze windows, readiness as of a moment and plans, over HTTP on real PostgreSQL
 * (POLICIES.md): the admin's mutations and everyone's reads, bad input writing nothing, the
 * FREEZE_WINDOW refusal, break-glass, ending a window, readiness(asOf) around each kind of
 * event, and plan(gaBy). The app's clock is the test's, set far from every other suite's so
 * that the windows declared here freeze nothing of theirs.
 */
import type { Team } from '#workflow';
import {
  completeItem,
  createLaunch,
  createTeamMembers,
  errorOf,
  getLaunch,
  ok,
  satisfyGate,
  signOff,
  type TeamMembers,
} from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';

const DAY_MS = 86_400_000;
const MINUTE = 60_000;

const WINDOW_FIELDS = `id name reason startsAt endsAt stages createdAt endedAt
  createdBy { id } endedBy { id }`;
const CREATE_WINDOW = `mutation($i: FreezeWindowInput!) { createFreezeWindow(input: $i) { ${WINDOW_FIELDS} } }`;
const END_WINDOW = `mutation($id: ID!) { endFreezeWindow(id: $id) { ${WINDOW_FIELDS} } }`;
const LIST_WINDOWS = `query($from: DateTime, $to: DateTime) { freezeWindows(from: $from, to: $to) { ${WINDOW_FIELDS} } }`;
const ADVANCE = `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id stage version } }`;
const READINESS_AS_OF = `query($id: ID!, $asOf: DateTime) { launch(id: $id) { readiness(asOf: $asOf) {
  stage canAdvance blocked missing { kind team message }
  stages { stage doneItems teams { team decision } } } } }`;
const PLAN = `query($id: ID!, $gaBy: DateTime!) { launch(id: $id) { plan(gaBy: $gaBy) {
  gaBy feasible earliestGaAt earlyAccessBy obstacles { kind team message } reconfirm { kind team }
  stages { stage requiredItems doneItems } } } }`;
const EVENTS = `query($id: ID!) { launch(id: $id) { events(first: 100) { edges { node {
  type at data summary } } } } }`;

interface WindowDto {
  id: string;
  name: string;
  reason: string | null;
  startsAt: string;
  endsAt: string;
  stages: string[];
  createdAt: string;
  endedAt: string | null;
  createdBy: { id: string };
  endedBy: { id: string } | null;
}
interface Requirement {
  kind: string;
  team: Team | null;
  message: string;
}
interface ReadinessDto {
  stage: string;
  canAdvance: boolean;
  blocked: boolean;
  missing: Requirement[];
  stages: { stage: string; doneItems: number; teams: { team: Team; decision: string | null }[] }[];
}
interface PlanDto {
  gaBy: string;
  feasible: boolean;
  earliestGaAt: string;
  earlyAccessBy: string | null;
  obstacles: Requirement[];
  reconfirm: { kind: string; team: Team }[];
  stages: { stage: string }[];
}

describe('freeze windows, readiness as of a moment, plans', () => {
  const clock = new TestClock(new Date('2041-02-01T09:00:00.000Z'));
  let app: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let members: TeamMembers;
  const windowIds: string[] = [];

  beforeAll(async () => {
    app = await bootTestApp({}, clock);
    admin = await app.createUser({ role: 'ADMIN' });
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    members = await createTeamMembers(app);
  });
  afterAll(async () => {
    // Rows are never deleted by the service; the suite removes its own so others start clean.
    await app.running.database.dataSource.query(`DELETE FROM freeze_window WHERE id = ANY($1)`, [
      windowIds,
    ]);
    await app.close();
  });

  const now = () => clock.now().toISOString();
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const tick = () => clock.advance(MINUTE);

  async function windowCount(): Promise<number> {
    const [row] = (await app.running.database.dataSource.query(
      `SELECT count(*)::int AS n FROM freeze_window`,
    )) as [{ n: number }];
    return row.n;
  }

  function createWindow(token: string, input: Record<string, unknown>) {
    return app.gql<{ createFreezeWindow: WindowDto }>(token, CREATE_WINDOW, {
      i: { name: 'Holiday', startsAt: now(), endsAt: at(2 * DAY_MS), ...input },
    });
  }

  async function declare(input: Record<string, unknown> = {}): Promise<WindowDto> {
    const window = ok(await createWindow(admin.token, input)).createFreezeWindow;
    windowIds.push(window.id);
    return window;
  }

  function advance(token: string, launchId: string, freezeOverrideReason?: string) {
    return app.gql<{ advanceLaunch: { stage: string } }>(token, ADVANCE, {
      i: { launchId, freezeOverrideReason },
    });
  }

  async function readinessAsOf(id: string, asOf?: string): Promise<ReadinessDto> {
    return ok(
      await app.gql<{ launch: { readiness: ReadinessDto } }>(admin.token, READINESS_AS_OF, {
        id,
        asOf,
      }),
    ).launch.readiness;
  }

  async function planFor(id: string, gaBy: string): Promise<PlanDto> {
    return ok(await app.gql<{ launch: { plan: PlanDto } }>(admin.token, PLAN, { id, gaBy })).launch
      .plan;
  }

  function newLaunch(input: Record<string, unknown> = {}) {
    tick();
    return createLaunch(app, coordinator.token, {
      template: 'lite',
      supportLeadDays: 0,
      targetGaDate: at(60 * DAY_MS),
      ...input,
    });
  }

  function grantEarlyAccess(launchId: string) {
    return app.gql(
      coordinator.token,
      `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
      { i: { launchId } },
    );
  }

  /** A launch brought to `stage` through every gate, early access granted in BETA unless told. */
  async function launchAt(stage: string, input: Record<string, unknown> = {}, grant = true) {
    const launch = await newLaunch(input);
    for (let current: string = launch.stage; current !== stage;) {
      tick();
      await satisfyGate(app, members, launch.id);
      tick();
      current = ok(await advance(coordinator.token, launch.id)).advanceLaunch.stage;
      if (current === 'BETA' && grant) {
        tick();
        ok(await grantEarlyAccess(launch.id));
      }
    }
    return launch;
  }

  describe('the windows themselves', () => {
    it('an admin creates one (defaults: [GA], trimmed), everyone reads it, soonest start first', async () => {
      const later = await declare({
        name: '  Year-end  ',
        reason: 'Holidays',
        startsAt: at(10 * DAY_MS),
        endsAt: at(12 * DAY_MS),
      });
      expect(later).toMatchObject({
        name: 'Year-end',
        reason: 'Holidays',
        stages: ['GA'],
        createdAt: now(),
        endedAt: null,
        createdBy: { id: admin.id },
        endedBy: null,
      });
      const sooner = await declare({
        name: 'Audit',
        stages: ['GA', 'BETA', 'GA'],
        startsAt: at(DAY_MS),
        endsAt: at(3 * DAY_MS),
      });
      expect(sooner.stages).toEqual(['BETA', 'GA']);
      const listed = ok(
        await app.gql<{ freezeWindows: WindowDto[] }>(members.SUPPORT.token, LIST_WINDOWS, {
          from: now(),
          to: at(30 * DAY_MS),
        }),
      ).freezeWindows.filter((w) => [later.id, sooner.id].includes(w.id));
      expect(listed.map((w) => w.id)).toEqual([sooner.id, later.id]);
      // [from, to) overlaps the effective span only.
      const before = ok(
        await app.gql<{ freezeWindows: WindowDto[] }>(members.SUPPORT.token, LIST_WINDOWS, {
          from: now(),
          to: at(DAY_MS),
        }),
      ).freezeWindows.map((w) => w.id);
      expect(before).not.toContain(sooner.id);
      // Ended before it starts: it freezes nothing the later tests do.
      ok(await app.gql(admin.token, END_WINDOW, { id: sooner.id }));
    });

    it('a coordinator may neither create nor end one; nothing is written', async () => {
      const window = await declare({ name: 'Coordinator proof' });
      const rows = await windowCount();
      expect(errorOf(await createWindow(coordinator.token, {})).extensions?.code).toBe('FORBIDDEN');
      expect(
        errorOf(await app.gql(coordinator.token, END_WINDOW, { id: window.id })).extensions?.code,
      ).toBe('FORBIDDEN');
      expect(await windowCount()).toBe(rows);
      const [stored] = (await app.running.database.dataSource.query(
        `SELECT ended_at FROM freeze_window WHERE id = $1`,
        [window.id],
      )) as [{ ended_at: Date | null }];
      expect(stored.ended_at).toBeNull();
      ok(await app.gql(admin.token, END_WINDOW, { id: window.id }));
    });

    it.each([
      ['endsAt before startsAt', { startsAt: DAY_MS, endsAt: 0.5 * DAY_MS }, 'endsAt'],
      ['endsAt in the past', { startsAt: -2 * DAY_MS, endsAt: -DAY_MS }, 'endsAt'],
      ['longer than 90 days', { startsAt: 0, endsAt: 90 * DAY_MS + 1 }, 'endsAt'],
      ['an empty stage list', { stages: [] }, 'stages'],
      ['PLANNING in the stages', { stages: ['GA', 'PLANNING'] }, 'stages'],
      ['CANCELLED in the stages', { stages: ['CANCELLED'] }, 'stages'],
      ['an empty name', { name: '   ' }, 'name'],
    ])('%s: BAD_USER_INPUT, nothing written', async (_, fields, field) => {
      const input: Record<string, unknown> = { ...fields };
      for (const key of ['startsAt', 'endsAt'] as const) {
        if (typeof input[key] === 'number') input[key] = at(input[key]);
      }
      const rows = await windowCount();
      const error = errorOf(await createWindow(admin.token, input));
      expect([error.extensions?.code, error.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(await windowCount()).toBe(rows);
    });

    it('a range whose from is not before its to is BAD_USER_INPUT', async () => {
      const error = errorOf(await app.gql(admin.token, LIST_WINDOWS, { from: now(), to: now() }));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('ending keeps endedAt and endedBy; ending again, or a window already over, is CONFLICT', async () => {
      const window = await declare({
        name: 'To end',
        startsAt: at(DAY_MS),
        endsAt: at(2 * DAY_MS),
      });
      tick();
      const ended = ok(
        await app.gql<{ endFreezeWindow: WindowDto }>(admin.token, END_WINDOW, {
          id: window.id,
        }),
      ).endFreezeWindow;
      expect(ended).toMatchObject({ endedAt: now(), endedBy: { id: admin.id } });
      expect(
        errorOf(await app.gql(admin.token, END_WINDOW, { id: window.id })).extensions?.code,
      ).toBe('CONFLICT');
      const short = await declare({ name: 'Short', startsAt: now(), endsAt: at(MINUTE) });
      tick();
      expect(
        errorOf(await app.gql(admin.token, END_WINDOW, { id: short.id })).extensions?.code,
      ).toBe('CONFLICT');
      expect(
        errorOf(
          await app.gql(admin.token, END_WINDOW, { id: '00000000-0000-4000-8000-000000000000' }),
        ).extensions?.code,
      ).toBe('NOT_FOUND');
    });
  });

  describe('a freeze over the next two days for GA', () => {
    let launchId: string;
    let window: WindowDto;
    let lastSignOffAt: string;

    beforeAll(async () => {
      const launch = await launchAt('SUPPORT_TRAINED');
      launchId = launch.id;
      tick();
      const open = (await getLaunch(app, admin.token, launchId)).checklist.filter(
        (i) => i.stage === 'SUPPORT_TRAINED' && i.required && i.status === 'OPEN',
      );
      for (const item of open) ok(await completeItem(app, members[item.team].token, item.id));
      for (const team of ['PRODUCT', 'ENGINEERING'] as const) {
        ok(await signOff(app, members[team].token, launchId, team, 'GO'));
      }
      tick();
      lastSignOffAt = now();
      ok(await signOff(app, members.SUPPORT.token, launchId, 'SUPPORT', 'GO'));
      expect((await getLaunch(app, admin.token, launchId)).readiness.canAdvance).toBe(true);
      tick();
      window = await declare({ name: 'Holiday', startsAt: now(), endsAt: at(2 * DAY_MS) });
      tick();
    });

    it('refuses an otherwise ready launch with FREEZE_WINDOW, as readiness lists it', async () => {
      const error = errorOf(await advance(coordinator.token, launchId));
      expect(error.extensions?.code).toBe('GATE_NOT_SATISFIED');
      const missing = error.extensions?.missing as Requirement[];
      expect(missing.map((m) => [m.kind, m.team])).toEqual([['FREEZE_WINDOW', null]]);
      expect(missing[0]?.message).toContain('“Holiday”');
      const readiness = await readinessAsOf(launchId);
      expect(readiness.canAdvance).toBe(false);
      expect(readiness.missing).toEqual(
        missing.map(({ kind, team, message }) => ({ kind, team, message })),
      );
      expect((await getLaunch(app, coordinator.token, launchId)).stage).toBe('SUPPORT_TRAINED');
    });

    it('plan(gaBy: tomorrow) is infeasible, with the earliest GA when the window ends', async () => {
      const plan = await planFor(launchId, at(DAY_MS));
      expect(plan).toMatchObject({
        feasible: false,
        earliestGaAt: window.endsAt,
        earlyAccessBy: null,
        reconfirm: [],
        stages: [{ stage: 'SUPPORT_TRAINED' }],
      });
      expect(plan.obstacles.map((o) => o.kind)).toEqual(['FREEZE_WINDOW']);
      expect((await planFor(launchId, at(3 * DAY_MS))).feasible).toBe(true);
    });

    it('break-glass: a coordinator with a reason is FORBIDDEN, an empty reason is bad input', async () => {
      const version = (await getLaunch(app, admin.token, launchId)).version;
      expect(errorOf(await advance(coordinator.token, launchId, 'ship it')).extensions?.code).toBe(
        'FORBIDDEN',
      );
      const empty = errorOf(await advance(admin.token, launchId, '   '));
      expect([empty.extensions?.code, empty.extensions?.field]).toEqual([
        'BAD_USER_INPUT',
        'freezeOverrideReason',
      ]);
      expect((await getLaunch(app, admin.token, launchId)).version).toBe(version);
    });

    it('readiness as of the moment before the last sign-off shows that team missing', async () => {
      const before = await readinessAsOf(
        launchId,
        new Date(Date.parse(lastSignOffAt) - 1).toISOString(),
      );
      expect(before.missing.map((m) => [m.kind, m.team])).toEqual([['SIGN_OFF', 'SUPPORT']]);
      const atIt = await readinessAsOf(launchId, lastSignOffAt);
      expect(atIt.missing).toEqual([]);
      expect(atIt.canAdvance).toBe(true);
    });

    it('the admin ships through with a reason, and the audit trail shows it', async () => {
      expect(
        ok(await advance(admin.token, launchId, ' hotfix for outage ')).advanceLaunch.stage,
      ).toBe('GA');
      const events = ok(
        await app.gql<{
          launch: {
            events: { edges: { node: { type: string; data: unknown; summary: string } }[] };
          };
        }>(admin.token, EVENTS, { id: launchId }),
      ).launch.events.edges.map((e) => e.node);
      const advanced = events.filter((e) => e.type === 'ADVANCED').at(-1)!;
      expect(advanced.data).toEqual({
        from: 'SUPPORT_TRAINED',
        to: 'GA',
        freezeOverride: {
          windowIds: [window.id],
          windowNames: ['Holiday'],
          reason: 'hotfix for outage',
        },
      });
      expect(advanced.summary).toMatch(
        /to GA through the freeze “Holiday”: “hotfix for outage”\.$/,
      );
      // The readiness of that moment saw the window.
      const then = await readinessAsOf(launchId, new Date(clock.now().getTime() - 1).toISOString());
      expect(then.missing.map((m) => m.kind)).toEqual(['FREEZE_WINDOW']);
    });

    it('plan on a GA launch is INVALID_TRANSITION; gaBy not after now is BAD_USER_INPUT', async () => {
      expect(
        errorOf(await app.gql(admin.token, PLAN, { id: launchId, gaBy: at(DAY_MS) })).extensions
          ?.code,
      ).toBe('INVALID_TRANSITION');
      const fresh = await newLaunch();
      expect(
        errorOf(await app.gql(admin.token, PLAN, { id: fresh.id, gaBy: now() })).extensions?.code,
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('break-glass and ending a window on an earlier stage', () => {
    it('other requirements still refuse an admin with a reason, without the overridden window', async () => {
      const launch = await newLaunch();
      const window = await declare({ name: 'Alpha freeze', stages: ['ALPHA'] });
      tick();
      const error = errorOf(await advance(admin.token, launch.id, 'outage'));
      expect(error.extensions?.code).toBe('GATE_NOT_SATISFIED');
      const kinds = (error.extensions?.missing as Requirement[]).map((m) => m.kind);
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds).not.toContain('FREEZE_WINDOW');
      ok(await app.gql(admin.token, END_WINDOW, { id: window.id }));
    });

    it('once the window is ended, the same advance goes through', async () => {
      const launch = await newLaunch();
      tick();
      await satisfyGate(app, members, launch.id);
      const window = await declare({ name: 'Alpha hold', stages: ['ALPHA'] });
      tick();
      const refused = errorOf(await advance(coordinator.token, launch.id));
      expect((refused.extensions?.missing as Requirement[]).map((m) => m.message)).toEqual(
        expect.arrayContaining([expect.stringContaining('“Alpha hold”')]),
      );
      ok(await app.gql(admin.token, END_WINDOW, { id: window.id }));
      tick();
      expect(ok(await advance(coordinator.token, launch.id)).advanceLaunch.stage).toBe('ALPHA');
      // As of a moment inside the window, readiness still shows it; windows are never deleted.
      const inside = await readinessAsOf(
        launch.id,
        new Date(Date.parse(window.createdAt) + 1).toISOString(),
      );
      expect(inside.missing.map((m) => m.kind)).toContain('FREEZE_WINDOW');
    });
  });

  describe('readiness as of a moment', () => {
    it('before and after each kind of event', async () => {
      const launch = await launchAt('BETA', { supportLeadDays: 3 });
      const beta = await getLaunch(app, admin.token, launch.id);
      const item = beta.checklist.find((i) => i.stage === 'BETA' && i.required)!;
      const steps: [string, () => Promise<unknown>, (b: ReadinessDto, a: ReadinessDto) => void][] =
        [
          [
            'item completed',
            async () =>
              ok(
                await app.gql(
                  members[item.team].token,
                  `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
                  { i: { itemId: item.id } },
                ),
              ),
            (b, a) => {
              const done = (r: ReadinessDto) => r.stages.find((s) => s.stage === 'BETA')!.doneItems;
              expect(done(a)).toBe(done(b) + 1);
            },
          ],
          [
            'item reopened',
            async () =>
              ok(
                await app.gql(
                  members[item.team].token,
                  `mutation($i: ReasonedItemInput!) { reopenChecklistItem(input: $i) { id } }`,
                  { i: { itemId: item.id, reason: 'Found a bug' } },
                ),
              ),
            (b, a) => {
              const done = (r: ReadinessDto) => r.stages.find((s) => s.stage === 'BETA')!.doneItems;
              expect(done(a)).toBe(done(b) - 1);
            },
          ],
          [
            'NO_GO',
            async () =>
              ok(
                await app.gql(
                  members.PRODUCT.token,
                  `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
                  {
                    i: {
                      launchId: launch.id,
                      team: 'PRODUCT',
                      decision: 'NO_GO',
                      comment: 'Not yet',
                    },
                  },
                ),
              ),
            (b, a) => {
              expect([b.blocked, a.blocked]).toEqual([false, true]);
            },
          ],
          [
            'sign-off GO',
            async () => {
              await satisfyGate(app, members, launch.id);
            },
            (b, a) => {
              expect(b.canAdvance).toBe(false);
              expect(a.canAdvance).toBe(true);
            },
          ],
          [
            'advance',
            async () => ok(await advance(coordinator.token, launch.id)),
            (b, a) => {
              expect([b.stage, a.stage]).toEqual(['BETA', 'DOCS_READY']);
            },
          ],
        ];
      for (const [name, act, check] of steps) {
        tick();
        const t = now();
        await act();
        const before = await readinessAsOf(launch.id, new Date(Date.parse(t) - 1).toISOString());
        const after = await readinessAsOf(launch.id, t);
        try {
          check(before, after);
        } catch (error) {
          throw new Error(`${name}: ${String(error)}`, { cause: error });
        }
      }
    });

    it('early access: before it support has none, after it the lead days count from it', async () => {
      const launch = await launchAt('SUPPORT_TRAINED', { supportLeadDays: 3 }, false);
      tick();
      await satisfyGate(app, members, launch.id);
      tick();
      const granted = now();
      ok(await grantEarlyAccess(launch.id));
      const lead = async (asOf: string) =>
        (await readinessAsOf(launch.id, asOf)).missing
          .filter((m) => m.kind === 'SUPPORT_LEAD_TIME')
          .map((m) => m.message);
      expect(await lead(new Date(Date.parse(granted) - 1).toISOString())).toEqual([
        expect.stringContaining('has not been granted yet'),
      ]);
      expect(await lead(granted)).toEqual([expect.stringContaining('for 0 of the 3 days')]);
      const plan = await planFor(launch.id, at(DAY_MS));
      expect(plan).toMatchObject({ feasible: false, earlyAccessBy: null });
      expect(plan.obstacles.map((o) => o.kind)).toEqual(['SUPPORT_LEAD_TIME']);
      expect(Date.parse(plan.earliestGaAt)).toBe(Date.parse(granted) + 3 * DAY_MS);
    });

    it('asOf in the future or before creation is BAD_USER_INPUT', async () => {
      const launch = await newLaunch();
      for (const asOf of [at(1), new Date(clock.now().getTime() - DAY_MS).toISOString()]) {
        const error = errorOf(await app.gql(admin.token, READINESS_AS_OF, { id: launch.id, asOf }));
        expect([error.extensions?.code, error.extensions?.field]).toEqual([
          'BAD_USER_INPUT',
          'asOf',
        ]);
      }
    });
  });

  describe('plans with lead days', () => {
    it.each([0, 90])('supportLeadDays %i from PLANNING', async (days) => {
      const launch = await newLaunch({ supportLeadDays: days, targetGaDate: at(200 * DAY_MS) });
      const gaBy = at(30 * DAY_MS);
      const plan = await planFor(launch.id, gaBy);
      expect(plan.earlyAccessBy).toBe(new Date(Date.parse(gaBy) - days * DAY_MS).toISOString());
      expect(plan.feasible).toBe(days === 0);
      expect(plan.obstacles.map((o) => o.kind)).toEqual(days === 0 ? [] : ['SUPPORT_LEAD_TIME']);
      expect(plan.stages.map((s) => s.stage)).toEqual([
        'PLANNING',
        'ALPHA',
        'BETA',
        'DOCS_READY',
        'SUPPORT_TRAINED',
      ]);
    });
  });
});
