import { DEFAULT_GATE_POLICY, builtInDefinition } from '#checklists';
import type { GatePolicy, TemplateVersion } from '#checklists';
import type { Actor } from './actor.js';
import { approveFor } from './approval.rules.js';
import { decide } from './decide.js';
import type { CreateLaunchCommand } from './launch.commands.js';
import { MACHINE_VERSION } from './launch.machine.js';
import { initialSnapshot, migrateSnapshot, restoreSnapshot, stateOf } from './launch.snapshot.js';
import { readiness } from './readiness.js';
import { signOffStatusAt } from './sign-off.rules.js';
import {
  DAY_MS,
  T0,
  act,
  admin,
  advance,
  completeRequired,
  coordinator,
  later,
  member,
  refusal,
  state,
  wait,
} from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

const engineer = (n: number): Actor => member('ENGINEERING', `u-eng-${n}`);

function version(n: number, policy: Partial<GatePolicy> = {}, archived = false): TemplateVersion {
  return {
    ...builtInDefinition('lite'),
    policy: { ...DEFAULT_GATE_POLICY, ...policy },
    version: n,
    archived,
    createdById: admin.id,
    createdAt: T0,
  };
}

/** A launch created from `versions` of "lite" (the latest unless the command names one). */
function launchFrom(
  versions: TemplateVersion[],
  fields: Partial<CreateLaunchCommand> = {},
  by: Actor = coordinator,
): TestLaunch {
  let ids = 0;
  const events = decide(
    null,
    by,
    {
      type: 'CREATE',
      id: 'launch-1',
      key: 'policy-launch',
      name: 'Policy launch',
      template: 'lite',
      targetGaDate: later(T0, 180 * DAY_MS),
      ...fields,
    },
    { now: T0, newId: () => `id-${++ids}`, templateVersions: versions },
  );
  const [created] = events;
  if (!created || created.type !== 'CREATED') throw new Error('no CREATED');
  return { snapshot: initialSnapshot(created), events, now: later(T0, 60_000), ids };
}

function createRefusal(
  versions: TemplateVersion[],
  fields: Partial<CreateLaunchCommand> = {},
  by: Actor = coordinator,
): WorkflowError {
  try {
    launchFrom(versions, fields, by);
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error('CREATE was accepted');
}

const go = (team: 'PRODUCT' | 'ENGINEERING' | 'SUPPORT') =>
  ({ type: 'SIGN_OFF', team, decision: 'GO' }) as const;

/** PLANNING with its items done and PRODUCT and SUPPORT signed: ENGINEERING is the question. */
function readyButEngineering(policy: Partial<GatePolicy>): TestLaunch {
  let l = completeRequired(launchFrom([version(1, policy)]));
  l = act(l, member('PRODUCT'), go('PRODUCT'));
  return act(l, member('SUPPORT'), go('SUPPORT'));
}

function missing(l: TestLaunch, at = l.now) {
  return readiness(state(l), at).missing.map((m) => [m.kind, m.team, m.message]);
}

describe('templates pinned at creation', () => {
  it('copies the latest version, its items and its policy, and defaults from it', () => {
    const l = launchFrom([version(1), version(2, { supportLeadDays: 9, blockResponseHours: 3 })]);
    expect(state(l)).toMatchObject({
      template: 'lite',
      templateVersion: 2,
      supportLeadDays: 9,
      blockResponseHours: 3,
      policy: { supportLeadDays: 9 },
    });
    expect(l.events[0]).toMatchObject({
      data: { templateVersion: 2, policy: { supportLeadDays: 9 } },
    });
  });

  it('refuses unknown names and versions and archived templates as bad input', () => {
    expect(createRefusal([])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
    expect(createRefusal([version(1)], { templateVersion: 3 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'templateVersion',
    });
    const archived = createRefusal([version(1), version(2, {}, true)]);
    expect(archived).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
    expect(archived.message).toContain('archived');
  });

  it('an older version is for admins only', () => {
    const versions = [version(1), version(2, { goValidDays: 7 })];
    expect(createRefusal(versions, { templateVersion: 1 })).toMatchObject({ code: 'FORBIDDEN' });
    const l = launchFrom(versions, { templateVersion: 1 }, admin);
    expect(state(l).templateVersion).toBe(1);
    expect(state(l).policy.goValidDays).toBeNull();
  });

  it('a coordinator cannot start a launch below the lead-days floor', () => {
    const versions = [version(1, { supportLeadDays: 5, minSupportLeadDays: 3 })];
    expect(createRefusal(versions, { supportLeadDays: 2 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(state(launchFrom(versions, { supportLeadDays: 3 })).supportLeadDays).toBe(3);
    expect(state(launchFrom(versions, { supportLeadDays: 0 }, admin)).supportLeadDays).toBe(0);
  });
});

describe('approvals per team and stage', () => {
  it('a stage-specific entry wins over the one for every stage', () => {
    const l = launchFrom([
      version(1, {
        approvals: [
          { team: 'ENGINEERING', stage: null, approvals: 3 },
          { team: 'ENGINEERING', stage: 'PLANNING', approvals: 2 },
        ],
      }),
    ]);
    const gates = readiness(state(l), l.now).stages;
    expect(gates[0]!.teams.map((t) => t.approvalsNeeded)).toEqual([1, 2, 1]);
    expect(gates[1]!.teams.map((t) => t.approvalsNeeded)).toEqual([1, 3, 1]);
  });

  it('needs two distinct engineers; readiness says how many it has', () => {
    let l = readyButEngineering({
      approvals: [{ team: 'ENGINEERING', stage: null, approvals: 2 }],
    });
    expect(missing(l)).toEqual([
      [
        'SIGN_OFF',
        'ENGINEERING',
        'Engineering needs 2 approvals from different people on Planning; it has 0.',
      ],
    ]);
    l = act(l, engineer(1), go('ENGINEERING'));
    expect(missing(l)).toEqual([
      [
        'SIGN_OFF',
        'ENGINEERING',
        'Engineering needs 2 approvals from different people on Planning; it has 1.',
      ],
    ]);
    expect(refusal(l, coordinator, { type: 'ADVANCE' }).code).toBe('GATE_NOT_SATISFIED');
    // The same engineer again replaces their own GO: still one.
    l = act(l, engineer(1), go('ENGINEERING'));
    const eng = () => readiness(state(l), l.now).stages[0]!.teams[1]!;
    expect(eng()).toMatchObject({ approvals: 1, approvalsNeeded: 2 });
    expect(eng().signOffIds).toHaveLength(1);
    l = act(l, engineer(2), go('ENGINEERING'));
    expect(eng()).toMatchObject({ approvals: 2, decision: 'GO' });
    expect(readiness(state(l), l.now).canAdvance).toBe(true);
    // A third: the oldest standing GO gives way, the team keeps two.
    const oldest = eng().signOffIds[0];
    l = act(l, engineer(3), go('ENGINEERING'));
    expect(l.events.at(-1)).toMatchObject({ data: { supersededSignOffIds: [oldest] } });
    expect(eng()).toMatchObject({ approvals: 2 });
    expect(eng().signOffIds).toHaveLength(2);
    expect(state(advance(l)).stage).toBe('ALPHA');
  });

  it('a NO_GO supersedes every standing sign-off of the team; a GO lifts it', () => {
    let l = readyButEngineering({
      approvals: [{ team: 'ENGINEERING', stage: null, approvals: 2 }],
    });
    l = act(l, engineer(1), go('ENGINEERING'));
    l = act(l, engineer(2), go('ENGINEERING'));
    l = act(l, engineer(3), {
      type: 'SIGN_OFF',
      team: 'ENGINEERING',
      decision: 'NO_GO',
      comment: 'Stop',
    });
    expect(l.events.at(-1)).toMatchObject({ type: 'SIGNED_NO_GO' });
    expect(
      (l.events.at(-1)!.data as { supersededSignOffIds: string[] }).supersededSignOffIds,
    ).toHaveLength(2);
    expect(missing(l).map((m) => m[0])).toEqual(['BLOCKED_BY_TEAM']);
    l = act(l, engineer(1), go('ENGINEERING'));
    expect(missing(l)).toEqual([
      [
        'SIGN_OFF',
        'ENGINEERING',
        'Engineering needs 2 approvals from different people on Planning; it has 1.',
      ],
    ]);
  });
});

describe('expiry', () => {
  const policy = {
    approvals: [{ team: 'ENGINEERING' as const, stage: null, approvals: 2 }],
    goValidDays: 7,
  };

  it('a GO expires at signedAt + goValidDays, inclusive, and no longer counts', () => {
    let l = completeRequired(launchFrom([version(1, policy)]));
    l = act(l, engineer(1), go('ENGINEERING'));
    const first = state(l).signOffs.at(-1)!;
    l = wait(l, DAY_MS);
    l = act(l, member('PRODUCT'), go('PRODUCT'));
    l = act(l, member('SUPPORT'), go('SUPPORT'));
    l = act(l, engineer(2), go('ENGINEERING'));
    const expiresAt = later(first.signedAt, 7 * DAY_MS);
    expect(readiness(state(l), later(expiresAt, -1)).canAdvance).toBe(true);
    expect(signOffStatusAt(state(l), first, later(expiresAt, -1))).toBe('ACTIVE');
    expect(signOffStatusAt(state(l), first, expiresAt)).toBe('EXPIRED');
    expect(missing(l, expiresAt)).toEqual([
      [
        'SIGN_OFF',
        'ENGINEERING',
        'Engineering needs 2 approvals from different people on Planning; it has 1.',
      ],
      [
        'SIGN_OFF_EXPIRED',
        'ENGINEERING',
        "Engineering's GO of 1 January 2030 expired on 8 January 2030; sign again.",
      ],
    ]);
    expect(refusal(l, coordinator, { type: 'ADVANCE' }, expiresAt).code).toBe('GATE_NOT_SATISFIED');
    // Signing again re-confirms: it supersedes the signer's own expired GO.
    l = act(l, engineer(1), go('ENGINEERING'), expiresAt);
    expect(l.events.at(-1)).toMatchObject({ data: { supersededSignOffIds: [first.id] } });
    expect(readiness(state(l), l.now).canAdvance).toBe(true);
  });

  it('GOs of past stages and of final launches never expire', () => {
    let l = readyButEngineering({ goValidDays: 1 });
    l = act(l, engineer(1), go('ENGINEERING'));
    const planningGo = state(l).signOffs.at(-1)!;
    l = advance(l);
    const muchLater = later(l.now, 400 * DAY_MS);
    expect(signOffStatusAt(state(l), planningGo, muchLater)).toBe('ACTIVE');
    const cancelled = act(l, coordinator, { type: 'CANCEL', reason: 'No' });
    const alphaGo = act(completeRequired(l), engineer(1), go('ENGINEERING'));
    const goOnAlpha = state(alphaGo).signOffs.at(-1)!;
    expect(signOffStatusAt(state(alphaGo), goOnAlpha, muchLater)).toBe('EXPIRED');
    expect(readiness(state(cancelled), muchLater).missing).toEqual([]);
  });
});

describe('who may not approve', () => {
  it('distinctApprovers: one person approves for one team per stage, admins included', () => {
    let l = completeRequired(launchFrom([version(1, { distinctApprovers: true, goValidDays: 2 })]));
    const both: Actor = { id: 'u-both', role: 'MEMBER', teams: ['PRODUCT', 'ENGINEERING'] };
    l = act(l, both, go('PRODUCT'));
    const denied = refusal(l, both, go('ENGINEERING'));
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).toContain('already approve for Product');
    expect(approveFor(both, state(l), l.now)).toEqual(['PRODUCT']);
    // A NO_GO is never refused by these rules.
    act(l, both, { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'Wait' });
    // An expired GO counts for nothing, so it binds no longer.
    expect(approveFor(both, state(l), later(l.now, 2 * DAY_MS))).toEqual([
      'PRODUCT',
      'ENGINEERING',
    ]);
    l = act(l, admin, go('SUPPORT'));
    expect(refusal(l, admin, go('ENGINEERING')).code).toBe('FORBIDDEN');
  });

  it("coordinatorMayApprove false: the launch's coordinator may not sign GO, admins included", () => {
    const coordinatorInTeam: Actor = { id: 'u-lead', role: 'COORDINATOR', teams: ['ENGINEERING'] };
    const versions = [version(1, { coordinatorMayApprove: false })];
    const l = completeRequired(launchFrom(versions, {}, coordinatorInTeam));
    expect(refusal(l, coordinatorInTeam, go('ENGINEERING')).code).toBe('FORBIDDEN');
    expect(approveFor(coordinatorInTeam, state(l), l.now)).toEqual([]);
    const blocked = act(l, coordinatorInTeam, {
      type: 'SIGN_OFF',
      team: 'ENGINEERING',
      decision: 'NO_GO',
      comment: 'Not yet',
    });
    expect(state(blocked).signOffs.at(-1)?.decision).toBe('NO_GO');
    const byAdmin = completeRequired(launchFrom(versions, {}, admin));
    expect(refusal(byAdmin, admin, go('PRODUCT')).code).toBe('FORBIDDEN');
    expect(approveFor(engineer(1), state(byAdmin), byAdmin.now)).toEqual(['ENGINEERING']);
  });
});

describe('the floor of supportLeadDays', () => {
  const versions = [version(1, { supportLeadDays: 5, minSupportLeadDays: 3 })];
  const update = (supportLeadDays: number) =>
    ({ type: 'UPDATE', changes: { supportLeadDays } }) as const;

  it('only an admin goes below it; every UPDATED carries the previous values', () => {
    let l = launchFrom(versions);
    expect(refusal(l, coordinator, update(0)).code).toBe('FORBIDDEN');
    l = act(l, coordinator, update(3));
    expect(l.events.at(-1)).toMatchObject({
      data: { changes: { supportLeadDays: 3 }, previous: { supportLeadDays: 5 } },
    });
    l = act(l, admin, update(0));
    expect(state(l).supportLeadDays).toBe(0);
    // Below the floor but raising the current value: allowed.
    l = act(l, coordinator, update(1));
    expect(refusal(l, coordinator, update(0)).code).toBe('FORBIDDEN');
    expect(state(l).supportLeadDays).toBe(1);
  });
});

describe('snapshots of machine version 1', () => {
  it('migrate to version 2 with the default policy and template version 1', () => {
    const l = launchFrom([version(4, { goValidDays: 3 })]);
    const v1Context = { ...state(l) } as Record<string, unknown>;
    delete v1Context.policy;
    delete v1Context.templateVersion;
    const v1 = {
      machineVersion: 1,
      snapshot: { status: 'active', value: 'PLANNING', context: v1Context },
    };
    expect(migrateSnapshot(v1).machineVersion).toBe(MACHINE_VERSION);
    expect(stateOf(restoreSnapshot(v1))).toMatchObject({
      templateVersion: 1,
      policy: DEFAULT_GATE_POLICY,
    });
  });
});
