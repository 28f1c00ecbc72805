/*
 * Templates as data and their gate policies, over HTTP on real PostgreSQL (POLICIES.md):
 * the mutations, pinning of versions, quorum with three engineers, expiry at its exact
 * boundary (the app's clock is the test's), distinct approvers, the coordinator refused.
 */
import { SloSchedulerService } from '../../apps/api/src/slo/slo-scheduler.service.js';
import { errorOf, ok } from '../support/launch-factory.js';
import { bootTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';

const DAY_MS = 86_400_000;

const STAGES = ['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'] as const;
/** One required PRODUCT item per stage. */
const ITEMS = STAGES.map((stage) => ({ stage, team: 'PRODUCT', title: `Ready for ${stage}` }));

const TEMPLATE_FIELDS = `name version description archived createdAt createdBy { id }
  items { stage team title description required }
  policy { approvals { team stage approvals } goValidDays distinctApprovers
    coordinatorMayApprove supportLeadDays minSupportLeadDays blockResponseHours }`;

const CREATE_TEMPLATE = `mutation($input: TemplateInput!) { createTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const PUBLISH = `mutation($input: TemplateInput!) { publishTemplateVersion(input: $input) { ${TEMPLATE_FIELDS} } }`;
const ARCHIVE = `mutation($name: String!) { archiveTemplate(name: $name) { name version archived } }`;
const CREATE_LAUNCH = `mutation($input: CreateLaunchInput!) { createLaunch(input: $input) {
  id template supportLeadDays checklistTemplate { name version } policy { goValidDays approvals { team approvals } }
  checklist { id stage title } } }`;
const SIGN = `mutation($input: SignOffInput!) { signOff(input: $input) { id status } }`;
const READINESS = `query($id: ID!) { launch(id: $id) { readiness {
  canAdvance missing { kind team message }
  stages { stage teams { team approvals approvalsNeeded decision signOffs { status signedAt expiresAt signedBy { id } } } } } } }`;

interface Gate {
  team: string;
  approvals: number;
  approvalsNeeded: number;
  signOffs: { status: string; expiresAt: string | null }[];
}
interface ReadinessDto {
  launch: {
    readiness: {
      canAdvance: boolean;
      missing: { kind: string; team: string | null; message: string }[];
      stages: { stage: string; teams: Gate[] }[];
    };
  };
}

describe('templates and gate policies', () => {
  const clock = new TestClock(new Date('2031-03-01T09:00:00.000Z'));
  let app: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let product: TestUser;
  let support: TestUser;
  let engineers: TestUser[];

  beforeAll(async () => {
    app = await bootTestApp({}, clock);
    admin = await app.createUser({ role: 'ADMIN' });
    coordinator = await app.createUser({ role: 'COORDINATOR', teams: ['ENGINEERING'] });
    product = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
    support = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    engineers = [
      await app.createUser({ role: 'MEMBER', teams: ['ENGINEERING'] }),
      await app.createUser({ role: 'MEMBER', teams: ['ENGINEERING'] }),
      await app.createUser({ role: 'MEMBER', teams: ['ENGINEERING'] }),
    ];
  });
  afterAll(() => app.close());

  async function newTemplate(policy: Record<string, unknown>): Promise<string> {
    const name = `t-${uniqueSuffix()}`;
    ok(await app.gql(admin.token, CREATE_TEMPLATE, { input: { name, items: ITEMS, policy } }));
    return name;
  }

  async function launchFrom(template: string, templateVersion?: number) {
    const res = await app.gql<{
      createLaunch: { id: string; checklist: { id: string; stage: string }[] };
    }>(coordinator.token, CREATE_LAUNCH, {
      input: {
        key: `l-${uniqueSuffix()}`,
        name: 'Policy launch',
        template,
        templateVersion,
        targetGaDate: new Date(clock.now().getTime() + 100 * DAY_MS).toISOString(),
      },
    });
    return res;
  }

  /** A launch in PLANNING with its items done and PRODUCT and SUPPORT signed. */
  async function readyButEngineering(template: string): Promise<string> {
    const launch = ok(await launchFrom(template)).createLaunch;
    for (const item of launch.checklist.filter((i) => i.stage === 'PLANNING')) {
      ok(
        await app.gql(
          product.token,
          `mutation($input: CompleteItemInput!) { completeChecklistItem(input: $input) { id } }`,
          {
            input: { itemId: item.id },
          },
        ),
      );
    }
    await sign(product, launch.id, 'PRODUCT');
    await sign(support, launch.id, 'SUPPORT');
    return launch.id;
  }

  function sign(user: TestUser, launchId: string, team: string, decision = 'GO') {
    return app.gql<{ signOff: { id: string; status: string } }>(user.token, SIGN, {
      input: { launchId, team, decision, comment: decision === 'NO_GO' ? 'Stop' : null },
    });
  }

  async function readinessOf(id: string) {
    return ok(await app.gql<ReadinessDto>(admin.token, READINESS, { id })).launch.readiness;
  }

  const engineering = (r: ReadinessDto['launch']['readiness']) =>
    r.stages.find((s) => s.stage === 'PLANNING')!.teams.find((t) => t.team === 'ENGINEERING')!;

  it('lists the built-ins as version 1 with the default policy', async () => {
    const { templates } = ok(
      await app.gql<{
        templates: { name: string; version: number; createdBy: null; policy: unknown }[];
      }>(product.token, `{ templates { ${TEMPLATE_FIELDS} } }`),
    );
    const standard = templates.find((t) => t.name === 'standard');
    expect(standard).toMatchObject({
      version: 1,
      createdBy: null,
      policy: { approvals: [], goValidDays: null, supportLeadDays: 5, blockResponseHours: 24 },
    });
    expect(templates.some((t) => t.name === 'lite')).toBe(true);
  });

  it('admins create, publish and archive; others are refused; bad input stores nothing', async () => {
    const name = `t-${uniqueSuffix()}`;
    const input = { name, items: ITEMS, policy: { goValidDays: 7 } };
    expect(
      errorOf(await app.gql(coordinator.token, CREATE_TEMPLATE, { input })).extensions?.code,
    ).toBe('FORBIDDEN');
    const bad = errorOf(
      await app.gql(admin.token, CREATE_TEMPLATE, {
        input: { ...input, policy: { goValidDays: 366 } },
      }),
    );
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'policy.goValidDays' });
    const noRequired = errorOf(
      await app.gql(admin.token, CREATE_TEMPLATE, { input: { ...input, items: ITEMS.slice(1) } }),
    );
    expect(noRequired.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
    expect(
      errorOf(
        await app.gql(admin.token, `query($n: String!) { template(name: $n) { name } }`, {
          n: name,
        }),
      ).extensions?.code,
    ).toBe('NOT_FOUND');

    const created = ok(
      await app.gql<{ createTemplate: { version: number; createdBy: { id: string } } }>(
        admin.token,
        CREATE_TEMPLATE,
        { input },
      ),
    );
    expect(created.createTemplate).toMatchObject({ version: 1, createdBy: { id: admin.id } });
    expect(errorOf(await app.gql(admin.token, CREATE_TEMPLATE, { input })).extensions?.code).toBe(
      'CONFLICT',
    );

    // A new version inherits the policy it omits.
    const published = ok(
      await app.gql<{
        publishTemplateVersion: { version: number; policy: { goValidDays: number } };
      }>(admin.token, PUBLISH, {
        input: { name, items: [...ITEMS, { stage: 'BETA', team: 'SUPPORT', title: 'Macros' }] },
      }),
    ).publishTemplateVersion;
    expect(published).toMatchObject({ version: 2, policy: { goValidDays: 7 } });
    expect(errorOf(await app.gql(coordinator.token, PUBLISH, { input })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      errorOf(
        await app.gql(admin.token, PUBLISH, {
          input: { ...input, name: `none-${uniqueSuffix()}` },
        }),
      ).extensions?.code,
    ).toBe('NOT_FOUND');

    expect(
      errorOf(await app.gql(admin.token, ARCHIVE, { name: 'standard' })).extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      ok(await app.gql<{ archiveTemplate: { archived: boolean } }>(admin.token, ARCHIVE, { name }))
        .archiveTemplate.archived,
    ).toBe(true);
    expect(errorOf(await app.gql(admin.token, PUBLISH, { input })).extensions?.code).toBe(
      'CONFLICT',
    );
    const refused = errorOf(await launchFrom(name));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
  });

  it('pins a launch to the version it came from; older versions are for admins', async () => {
    const name = await newTemplate({ supportLeadDays: 8 });
    const first = ok(await launchFrom(name)).createLaunch;
    ok(
      await app.gql(admin.token, PUBLISH, {
        input: { name, items: ITEMS, policy: { goValidDays: 3, supportLeadDays: 2 } },
      }),
    );
    const second = ok(await launchFrom(name)).createLaunch;
    const read = `query($id: ID!) { launch(id: $id) { template supportLeadDays checklistTemplate { version } policy { goValidDays } } }`;
    expect(ok(await app.gql(admin.token, read, { id: first.id }))).toEqual({
      launch: {
        template: name,
        supportLeadDays: 8,
        checklistTemplate: { version: 1 },
        policy: { goValidDays: null },
      },
    });
    expect(ok(await app.gql(admin.token, read, { id: second.id }))).toEqual({
      launch: {
        template: name,
        supportLeadDays: 2,
        checklistTemplate: { version: 2 },
        policy: { goValidDays: 3 },
      },
    });
    expect(errorOf(await launchFrom(name, 1)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await launchFrom(name, 9)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'templateVersion',
    });
  });

  it('a quorum of two engineers: one GO is not enough, a third keeps two standing', async () => {
    const name = await newTemplate({ approvals: [{ team: 'ENGINEERING', approvals: 2 }] });
    const id = await readyButEngineering(name);
    ok(await sign(engineers[0]!, id, 'ENGINEERING'));
    let r = await readinessOf(id);
    expect(r.canAdvance).toBe(false);
    expect(r.missing).toEqual([
      {
        kind: 'SIGN_OFF',
        team: 'ENGINEERING',
        message: 'Engineering needs 2 approvals from different people on Planning; it has 1.',
      },
    ]);
    expect(engineering(r)).toMatchObject({ approvals: 1, approvalsNeeded: 2 });
    const advance = `mutation($id: ID!) { advanceLaunch(input: { launchId: $id }) { stage } }`;
    expect(errorOf(await app.gql(coordinator.token, advance, { id })).extensions?.code).toBe(
      'GATE_NOT_SATISFIED',
    );
    ok(await sign(engineers[1]!, id, 'ENGINEERING'));
    ok(await sign(engineers[2]!, id, 'ENGINEERING'));
    r = await readinessOf(id);
    expect(engineering(r)).toMatchObject({ approvals: 2, approvalsNeeded: 2 });
    expect(engineering(r).signOffs).toHaveLength(2);
    expect(ok(await app.gql(coordinator.token, advance, { id }))).toEqual({
      advanceLaunch: { stage: 'ALPHA' },
    });
  });

  it('a GO expires at signedAt + goValidDays exactly, and signing again re-confirms it', async () => {
    const name = await newTemplate({
      approvals: [{ team: 'ENGINEERING', approvals: 2 }],
      goValidDays: 7,
    });
    const id = await readyButEngineering(name);
    ok(await sign(engineers[0]!, id, 'ENGINEERING'));
    const signedAt = clock.now().getTime();
    clock.advance(DAY_MS);
    // PRODUCT and SUPPORT sign again so only the first engineer's GO ages out first.
    await sign(product, id, 'PRODUCT');
    await sign(support, id, 'SUPPORT');
    ok(await sign(engineers[1]!, id, 'ENGINEERING'));
    // An engineer's own list of work reads the same clock as the gate.
    const engineeringWork = async () =>
      ok(
        await app.gql<{ myWork: { kind: string; launch: { id: string } }[] }>(
          engineers[2]!.token,
          '{ myWork { kind launch { id } } }',
        ),
      )
        .myWork.filter((w) => w.launch.id === id)
        .map((w) => w.kind);
    clock.at = new Date(signedAt + 7 * DAY_MS - 1);
    expect((await readinessOf(id)).canAdvance).toBe(true);
    expect(await engineeringWork()).toEqual([]);
    clock.at = new Date(signedAt + 7 * DAY_MS);
    const r = await readinessOf(id);
    expect(r.canAdvance).toBe(false);
    expect(await engineeringWork()).toEqual(['SIGN_OFF']);
    expect(r.missing.map((m) => m.kind)).toEqual(['SIGN_OFF', 'SIGN_OFF_EXPIRED']);
    expect(r.missing[1]!.message).toBe(
      "Engineering's GO of 1 March 2031 expired on 8 March 2031; sign again.",
    );
    expect(engineering(r).signOffs.map((s) => s.status)).toEqual(['EXPIRED', 'ACTIVE']);
    ok(await sign(engineers[0]!, id, 'ENGINEERING'));
    expect((await readinessOf(id)).canAdvance).toBe(true);
  });

  it('a durable timer appends one SIGN_OFF_EXPIRED per GO that expires on the current stage', async () => {
    const name = await newTemplate({ goValidDays: 2 });
    const id = await readyButEngineering(name);
    ok(await sign(engineers[0]!, id, 'ENGINEERING'));
    const scanner = app.running.app.get(SloSchedulerService);
    const expiredEvents = async () =>
      ok(
        await app.gql<{
          launch: { events: { edges: { node: { type: string; team: string; actor: null } }[] } };
        }>(
          admin.token,
          `query($id: ID!) { launch(id: $id) { events(first: 100) { edges { node { type team actor { id } } } } } }`,
          { id },
        ),
      ).launch.events.edges.filter((e) => e.node.type === 'SIGN_OFF_EXPIRED');
    await scanner.scan();
    expect(await expiredEvents()).toEqual([]);
    clock.advance(2 * DAY_MS);
    // The app's own scanner may hold the launch (SKIP LOCKED) when this one looks: scan until
    // the events are there, then once more to show that nothing fires twice.
    let events = await expiredEvents();
    for (const deadline = Date.now() + 10_000; events.length < 3 && Date.now() < deadline;) {
      await scanner.scan();
      events = await expiredEvents();
    }
    await scanner.scan();
    events = await expiredEvents();
    expect(events.map((e) => e.node.team).sort()).toEqual(['ENGINEERING', 'PRODUCT', 'SUPPORT']);
    expect(events.every((e) => e.node.actor === null)).toBe(true);
  });

  it('distinct approvers and a coordinator who may not approve are FORBIDDEN; NO_GO still works', async () => {
    const both = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT', 'ENGINEERING'] });
    const name = await newTemplate({ distinctApprovers: true, coordinatorMayApprove: false });
    const launch = ok(await launchFrom(name)).createLaunch;
    for (const item of launch.checklist.filter((i) => i.stage === 'PLANNING')) {
      ok(
        await app.gql(
          product.token,
          `mutation($input: CompleteItemInput!) { completeChecklistItem(input: $input) { id } }`,
          {
            input: { itemId: item.id },
          },
        ),
      );
    }
    ok(await sign(both, launch.id, 'PRODUCT'));
    const twice = errorOf(await sign(both, launch.id, 'ENGINEERING'));
    expect(twice.extensions?.code).toBe('FORBIDDEN');
    expect(twice.message).toContain('already approve for Product');
    const can = `query($id: ID!) { launch(id: $id) { viewerCan { signFor approveFor } } }`;
    expect(ok(await app.gql(both.token, can, { id: launch.id }))).toEqual({
      launch: { viewerCan: { signFor: ['PRODUCT', 'ENGINEERING'], approveFor: ['PRODUCT'] } },
    });
    expect(errorOf(await sign(coordinator, launch.id, 'ENGINEERING')).extensions?.code).toBe(
      'FORBIDDEN',
    );
    ok(await sign(coordinator, launch.id, 'ENGINEERING', 'NO_GO'));
  });
});
