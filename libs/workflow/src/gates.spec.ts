/*
 * GATES.md, section by section. Launches are built through decide() + applyEvent() by
 * the test factory; each test states only what matters to it.
 */
import { humanMoment } from './human-time.js';
import { getTemplate } from '#checklists';
import type { Team } from '#checklists';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import { EVENT_DATA_DESCRIPTIONS, LAUNCH_EVENT_TYPES, eventEffects } from './launch.events.js';
import { applyEvent, replay, signOffHistory } from './launch.snapshot.js';
import type { LaunchState } from './launch.types.js';
import { leadDaysElapsed, readiness } from './readiness.js';
import {
  DAY_MS,
  T0,
  act,
  admin,
  advance,
  completeRequired,
  coordinator,
  createdLaunch,
  item,
  items,
  later,
  launchAt,
  member,
  refusal,
  satisfyGate,
  signGo,
  state,
  viewer,
  wait,
} from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';

const product = member('PRODUCT');
const engineering = member('ENGINEERING');
const support = member('SUPPORT');

function missingOf(launch: TestLaunch) {
  return readiness(state(launch), launch.now).missing;
}

function noGo(launch: TestLaunch, team: Team, comment = 'Not ready', by: Actor = member(team)) {
  return act(launch, by, { type: 'SIGN_OFF', team, decision: 'NO_GO', comment });
}

/** The team's sign-offs on the current stage ever made, superseded ones included. */
function signOffsOf(launch: TestLaunch, team: Team) {
  const s = state(launch);
  return signOffHistory(launch.events).filter((x) => x.team === team && x.stage === s.stage);
}

describe('Stages', () => {
  it('moves PLANNING -> ALPHA -> BETA -> DOCS_READY -> SUPPORT_TRAINED -> GA, one gate at a time', () => {
    let l = createdLaunch();
    const visited = [state(l).stage];
    while (state(l).stage !== 'GA') {
      l = advance(satisfyGate(l));
      visited.push(state(l).stage);
    }
    expect(visited).toEqual(['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED', 'GA']);
    expect(l.snapshot.value).toBe('GA');
    expect(l.snapshot.status).toBe('done');
  });

  it.each(['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'] as const)(
    'cancels from %s',
    (stage) => {
      const l = act(launchAt(stage), coordinator, { type: 'CANCEL', reason: 'Market moved' });
      expect(state(l).stage).toBe('CANCELLED');
      expect(l.events.at(-1)).toMatchObject({
        type: 'CANCELLED',
        stage,
        data: { from: stage, reason: 'Market moved' },
      });
    },
  );

  it.each(['GA', 'CANCELLED'] as const)(
    'a %s launch refuses every change with INVALID_TRANSITION',
    (stage) => {
      const l = launchAt(stage);
      const anItem = state(l).items[0]!;
      const commands = [
        { type: 'UPDATE', changes: { name: 'New' } },
        { type: 'ADD_ITEM', stage: 'BETA', team: 'PRODUCT', title: 'Late' },
        { type: 'REOPEN_ITEM', itemId: anItem.id, reason: 'Again' },
        { type: 'SIGN_OFF', team: 'PRODUCT', decision: 'NO_GO', comment: 'No' },
        { type: 'ADVANCE' },
        { type: 'CANCEL', reason: 'Stop' },
      ] as const;
      for (const command of commands) {
        expect(refusal(l, admin, command).code).toBe('INVALID_TRANSITION');
      }
    },
  );

  it('a final launch still takes comments, which change nothing but updatedAt', () => {
    const l = launchAt('GA');
    const after = act(l, engineering, { type: 'COMMENT', body: 'Shipped, thanks all' });
    expect(state(after)).toEqual({ ...state(l), updatedAt: after.events.at(-1)!.at });
    expect(after.events.at(-1)).toMatchObject({ type: 'COMMENTED', stage: 'GA' });
  });
});

describe('The gate out of a stage', () => {
  it('lists every unmet rule of a new launch without a target date, in GATES.md order', () => {
    const l = createdLaunch({ targetGaDate: null });
    const scope = item(l, { title: 'Scope and success metric written' });
    expect(missingOf(l)).toEqual([
      {
        kind: 'CHECKLIST_ITEM',
        team: 'PRODUCT',
        message: 'Product must complete "Scope and success metric written".',
        itemId: scope.id,
      },
      {
        kind: 'SIGN_OFF',
        team: 'PRODUCT',
        message: 'Product has not signed off on Planning.',
        itemId: null,
      },
      {
        kind: 'SIGN_OFF',
        team: 'ENGINEERING',
        message: 'Engineering has not signed off on Planning.',
        itemId: null,
      },
      {
        kind: 'SIGN_OFF',
        team: 'SUPPORT',
        message: 'Support has not signed off on Planning.',
        itemId: null,
      },
      {
        kind: 'LAUNCH_FIELD',
        team: null,
        message: 'The launch needs a target GA date before it can leave Planning.',
        itemId: null,
      },
    ]);
  });

  it('refuses ADVANCE with GATE_NOT_SATISFIED carrying exactly readiness.missing', () => {
    const l = signGo(
      completeRequired(createdLaunch({ template: 'standard', targetGaDate: null })),
      ['PRODUCT'],
    );
    const error = refusal(l, coordinator, { type: 'ADVANCE' });
    expect(error.code).toBe('GATE_NOT_SATISFIED');
    expect(error.missing).toEqual(missingOf(l));
    expect(error.missing?.map((m) => m.kind)).toEqual(['SIGN_OFF', 'SIGN_OFF', 'LAUNCH_FIELD']);
  });

  it('rule 1: every required item of S is DONE or WAIVED (optional ones do not count)', () => {
    let l = signGo(completeRequired(createdLaunch({ template: 'standard' }), 'PRODUCT'), [
      'PRODUCT',
    ]);
    const open = items(l, { stage: 'PLANNING', required: true, status: 'OPEN' });
    expect(open.map((i) => i.team)).toEqual(['ENGINEERING', 'ENGINEERING', 'SUPPORT', 'SUPPORT']);
    for (const i of open)
      l = act(l, coordinator, { type: 'WAIVE_ITEM', itemId: i.id, reason: 'Not needed' });
    l = signGo(l, ['ENGINEERING', 'SUPPORT']);
    expect(items(l, { stage: 'PLANNING', required: false, status: 'OPEN' })).toHaveLength(1);
    expect(readiness(state(l), l.now).canAdvance).toBe(true);
    expect(state(advance(l)).stage).toBe('ALPHA');
  });

  it('rule 2: each team needs an ACTIVE GO; a team with a GO appears nowhere', () => {
    const l = signGo(completeRequired(createdLaunch()), ['ENGINEERING']);
    expect(missingOf(l)).toEqual([
      expect.objectContaining({ kind: 'SIGN_OFF', team: 'PRODUCT' }),
      expect.objectContaining({ kind: 'SIGN_OFF', team: 'SUPPORT' }),
    ]);
  });

  it('rule 3: a NO_GO blocks, listed once as BLOCKED_BY_TEAM with its comment', () => {
    const l = noGo(
      signGo(completeRequired(createdLaunch()), ['PRODUCT', 'ENGINEERING']),
      'SUPPORT',
      'Macros missing.',
    );
    const r = readiness(state(l), l.now);
    expect(r.blocked).toBe(true);
    expect(r.canAdvance).toBe(false);
    expect(r.missing).toEqual([
      {
        kind: 'BLOCKED_BY_TEAM',
        team: 'SUPPORT',
        message: 'Support blocked this launch: Macros missing.',
        itemId: null,
      },
    ]);
  });

  it('rule 4: leaving PLANNING needs a target GA date; later gates do not', () => {
    let l = satisfyGate(createdLaunch({ targetGaDate: null }));
    expect(missingOf(l)).toEqual([expect.objectContaining({ kind: 'LAUNCH_FIELD', team: null })]);
    l = act(l, coordinator, { type: 'UPDATE', changes: { targetGaDate: later(T0, 90 * DAY_MS) } });
    l = advance(l);
    l = act(l, coordinator, { type: 'UPDATE', changes: { targetGaDate: null } });
    expect(state(advance(satisfyGate(l))).stage).toBe('BETA');
  });

  describe('rule 5: support lead time before GA', () => {
    it('needs early access granted, even with supportLeadDays 0', () => {
      const l = signGo(completeRequired(launchAt('SUPPORT_TRAINED', { supportLeadDays: 0 })));
      expect(missingOf(l)).toEqual([
        {
          kind: 'SUPPORT_LEAD_TIME',
          team: null,
          message: 'Support needs early access before GA; it has not been granted yet.',
          itemId: null,
        },
      ]);
      const granted = act(l, coordinator, { type: 'GRANT_EARLY_ACCESS' });
      expect(state(advance(granted)).stage).toBe('GA');
    });

    it('counts whole days since the grant at the moment of advancing', () => {
      let l = launchAt('BETA', { supportLeadDays: 3 });
      l = act(l, coordinator, { type: 'GRANT_EARLY_ACCESS', url: 'https://staging.example.com' });
      const grantedAt = state(l).earlyAccess!.grantedAt;
      l = advance(satisfyGate(l));
      l = advance(signGo(completeRequired(l)));
      expect(state(l).stage).toBe('SUPPORT_TRAINED');
      l = signGo(completeRequired(l));

      const almost = later(grantedAt, 3 * DAY_MS - 1);
      const error = refusal(l, coordinator, { type: 'ADVANCE' }, almost);
      expect(error.code).toBe('GATE_NOT_SATISFIED');
      expect(error.missing).toEqual([
        {
          kind: 'SUPPORT_LEAD_TIME',
          team: null,
          message: `Support has had early access for 2 of the 3 days required before GA (enough from ${humanMoment(later(grantedAt, 3 * DAY_MS))}).`,
          itemId: null,
        },
      ]);
      expect(
        state(act(l, coordinator, { type: 'ADVANCE' }, later(grantedAt, 3 * DAY_MS))).stage,
      ).toBe('GA');
    });

    it('leadDaysElapsed rounds down and never goes negative', () => {
      const ea = { grantedAt: T0, grantedById: 'u', url: null, notes: null };
      expect(leadDaysElapsed(ea, later(T0, DAY_MS - 1))).toBe(0);
      expect(leadDaysElapsed(ea, later(T0, DAY_MS))).toBe(1);
      expect(leadDaysElapsed(ea, later(T0, 5.9 * DAY_MS))).toBe(5);
      expect(leadDaysElapsed(ea, later(T0, -DAY_MS))).toBe(0);
    });

    it('the machine evaluates the gate at the event time, so a back-dated ADVANCED is refused', () => {
      let l = launchAt('SUPPORT_TRAINED', { supportLeadDays: 2 });
      l = act(signGo(completeRequired(l)), coordinator, { type: 'GRANT_EARLY_ACCESS' });
      const [advanced] = decide(
        l.snapshot,
        coordinator,
        { type: 'ADVANCE' },
        {
          now: later(l.now, 2 * DAY_MS),
          newId: () => 'x',
        },
      );
      expect(() => applyEvent(l.snapshot, { ...advanced!, at: l.now })).toThrow(
        expect.objectContaining({ code: 'INTERNAL' }),
      );
    });
  });

  it("advancing is the coordinator's (or admin's) act", () => {
    const l = satisfyGate(createdLaunch());
    expect(refusal(l, product, { type: 'ADVANCE' }).code).toBe('FORBIDDEN');
    expect(state(advance(l, admin)).stage).toBe('ALPHA');
  });

  it('scores done required items over all required items, across all stages', () => {
    let l = createdLaunch({ template: 'lite' });
    expect(readiness(state(l), l.now).score).toBe(0);
    l = completeRequired(l);
    expect(readiness(state(l), l.now).score).toBeCloseTo(1 / 5);
    const beta = item(l, { stage: 'BETA', required: true });
    l = act(l, coordinator, { type: 'WAIVE_ITEM', itemId: beta.id, reason: 'Covered by alpha' });
    expect(readiness(state(l), l.now).score).toBeCloseTo(2 / 5);
    const none: LaunchState = { ...state(l), items: [] };
    expect(readiness(none, l.now).score).toBe(1);
  });

  it('reports each gated stage with per-team counts and ACTIVE decisions', () => {
    const l = noGo(
      signGo(completeRequired(createdLaunch({ template: 'standard' }), 'PRODUCT'), ['PRODUCT']),
      'SUPPORT',
    );
    const r = readiness(state(l), l.now);
    expect(r.stages.map((s) => s.stage)).toEqual([
      'PLANNING',
      'ALPHA',
      'BETA',
      'DOCS_READY',
      'SUPPORT_TRAINED',
    ]);
    const planning = r.stages[0]!;
    expect(planning).toMatchObject({ stage: 'PLANNING', requiredItems: 5, doneItems: 1 });
    expect(planning.teams.map((t) => [t.team, t.requiredItems, t.doneItems, t.decision])).toEqual([
      ['PRODUCT', 1, 1, 'GO'],
      ['ENGINEERING', 2, 0, null],
      ['SUPPORT', 2, 0, 'NO_GO'],
    ]);
    expect(planning.teams[0]!.signOffId).toBe(signOffsOf(l, 'PRODUCT')[0]!.id);
    expect(r.stages[1]!.teams.map((t) => t.decision)).toEqual([null, null, null]);
  });
});

describe('Who may act', () => {
  const launch = createdLaunch({ template: 'standard' });
  const eng = item(launch, { title: 'Technical design reviewed' });
  const done = act(launch, engineering, { type: 'COMPLETE_ITEM', itemId: eng.id });
  const coordinatorInEngineering: Actor = {
    id: 'u-ce',
    role: 'COORDINATOR',
    teams: ['ENGINEERING'],
  };
  const coordinatorInProduct: Actor = { id: 'u-cp', role: 'COORDINATOR', teams: ['PRODUCT'] };
  const memberInTwo: Actor = { id: 'u-two', role: 'MEMBER', teams: ['PRODUCT', 'ENGINEERING'] };

  it.each<[string, Actor, boolean]>([
    ["the member of the item's team", engineering, true],
    ['a member in several teams including it', memberInTwo, true],
    ['a coordinator in the team', coordinatorInEngineering, true],
    ['an admin', admin, true],
    ['a member of another team', support, false],
    ['a coordinator outside the team', coordinatorInProduct, false],
    ['a viewer listing the team', viewer, false],
  ])('completing an Engineering item: %s -> %s', (_who, actor, allowed) => {
    const command = { type: 'COMPLETE_ITEM', itemId: eng.id } as const;
    if (allowed) expect(item(act(launch, actor, command), { id: eng.id }).status).toBe('DONE');
    else expect(refusal(launch, actor, command).code).toBe('FORBIDDEN');
  });

  it.each<[string, Actor, boolean]>([
    ['a member of the team', engineering, true],
    ['a coordinator in the team', coordinatorInEngineering, true],
    ['an admin', admin, true],
    ['a member of another team', product, false],
    ['a coordinator outside the team', coordinator, false],
    ['a viewer', viewer, false],
  ])('signing for Engineering: %s -> %s', (_who, actor, allowed) => {
    const command = {
      type: 'SIGN_OFF',
      team: 'ENGINEERING',
      decision: 'NO_GO',
      comment: 'Wait',
    } as const;
    if (allowed) expect(act(launch, actor, command).events.at(-1)?.type).toBe('SIGNED_NO_GO');
    else expect(refusal(launch, actor, command).code).toBe('FORBIDDEN');
  });

  it.each<[string, Actor, boolean]>([
    ["a member of the item's team", engineering, true],
    ['any coordinator', coordinatorInProduct, true],
    ['an admin', admin, true],
    ['a member of another team', support, false],
    ['a viewer', viewer, false],
  ])('reopening an Engineering item: %s -> %s', (_who, actor, allowed) => {
    const command = { type: 'REOPEN_ITEM', itemId: eng.id, reason: 'Design changed' } as const;
    if (allowed) expect(item(act(done, actor, command), { id: eng.id }).status).toBe('OPEN');
    else expect(refusal(done, actor, command).code).toBe('FORBIDDEN');
  });

  it('coordinator-only commands: any coordinator and admins, never members or viewers', () => {
    const later60 = later(T0, 60 * DAY_MS);
    const commands = [
      { type: 'UPDATE', changes: { targetGaDate: later60 } },
      { type: 'ADD_ITEM', stage: 'ALPHA', team: 'SUPPORT', title: 'Extra' },
      { type: 'WAIVE_ITEM', itemId: eng.id, reason: 'Not needed' },
      { type: 'CANCEL', reason: 'Stop' },
    ] as const;
    for (const command of commands) {
      expect(act(launch, coordinatorInProduct, command).events).toHaveLength(2);
      expect(act(launch, admin, command).events).toHaveLength(2);
      expect(refusal(launch, memberInTwo, command).code).toBe('FORBIDDEN');
      expect(refusal(launch, viewer, command).code).toBe('FORBIDDEN');
    }
    const creator = (by: Actor) =>
      decide(
        null,
        by,
        { type: 'CREATE', id: 'l2', key: 'l2', name: 'L2' },
        { now: T0, newId: () => 'i' },
      );
    expect(creator(coordinator)).toHaveLength(1);
    expect(creator(admin)).toHaveLength(1);
    expect(() => creator(product)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => creator(viewer)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('anyone but a viewer comments', () => {
    for (const actor of [product, coordinator, admin]) {
      expect(act(launch, actor, { type: 'COMMENT', body: 'Hi' }).events.at(-1)?.type).toBe(
        'COMMENTED',
      );
    }
    expect(refusal(launch, viewer, { type: 'COMMENT', body: 'Hi' }).code).toBe('FORBIDDEN');
  });
});

describe('Sign-offs', () => {
  it('signs on the current stage, recorded with signer and time', () => {
    const l = signGo(completeRequired(launchAt('ALPHA')), ['ENGINEERING']);
    const [s] = signOffsOf(l, 'ENGINEERING');
    expect(s).toMatchObject({
      stage: 'ALPHA',
      team: 'ENGINEERING',
      decision: 'GO',
      status: 'ACTIVE',
      signedById: engineering.id,
      override: false,
    });
    expect(s!.signedAt).toBe(l.events.at(-1)!.at);
  });

  it("refuses GO until the team's own required items are done, listing only those", () => {
    const l = completeRequired(createdLaunch({ template: 'standard' }), 'PRODUCT');
    const error = refusal(l, engineering, {
      type: 'SIGN_OFF',
      team: 'ENGINEERING',
      decision: 'GO',
    });
    expect(error.code).toBe('GATE_NOT_SATISFIED');
    expect(error.missing).toEqual([
      expect.objectContaining({
        kind: 'CHECKLIST_ITEM',
        team: 'ENGINEERING',
        message: 'Engineering must complete "Feature flag plan".',
      }),
      expect.objectContaining({
        kind: 'CHECKLIST_ITEM',
        team: 'ENGINEERING',
        message: 'Engineering must complete "Technical design reviewed".',
      }),
    ]);
    // Other teams' open items do not stop Product.
    expect(signOffsOf(signGo(l, ['PRODUCT']), 'PRODUCT')).toHaveLength(1);
  });

  it('NO_GO needs a non-empty comment and is allowed with items still open', () => {
    const l = createdLaunch({ template: 'standard' });
    for (const comment of [undefined, null, '', '   \n\t']) {
      const error = refusal(l, support, {
        type: 'SIGN_OFF',
        team: 'SUPPORT',
        decision: 'NO_GO',
        comment,
      });
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'comment']);
    }
    expect(signOffsOf(noGo(l, 'SUPPORT'), 'SUPPORT')[0]).toMatchObject({
      decision: 'NO_GO',
      comment: 'Not ready',
    });
  });

  it("a team's new sign-off supersedes its previous one on the stage; history is kept", () => {
    let l = completeRequired(createdLaunch());
    l = signGo(l, ['PRODUCT']);
    l = noGo(l, 'PRODUCT', 'Found a problem');
    l = signGo(l, ['PRODUCT']);
    const history = signOffsOf(l, 'PRODUCT');
    expect(history.map((s) => [s.decision, s.status])).toEqual([
      ['GO', 'SUPERSEDED'],
      ['NO_GO', 'SUPERSEDED'],
      ['GO', 'ACTIVE'],
    ]);
    const last = l.events.at(-1)!;
    expect(last).toMatchObject({
      type: 'SIGNED_GO',
      data: { supersededSignOffIds: [history[1]!.id] },
    });
  });

  it("a NO_GO stands until the same team signs GO; other teams' GOs do not lift it", () => {
    let l = completeRequired(createdLaunch());
    l = noGo(l, 'SUPPORT');
    l = signGo(l, ['PRODUCT', 'ENGINEERING']);
    expect(readiness(state(l), l.now).blocked).toBe(true);
    l = signGo(l, ['SUPPORT']);
    expect(readiness(state(l), l.now).blocked).toBe(false);
    expect(readiness(state(l), l.now).canAdvance).toBe(true);
  });

  describe('admin override', () => {
    const blocked = noGo(
      signGo(completeRequired(createdLaunch())),
      'SUPPORT',
      'Agents not trained',
    );

    it('an admin outside the team lifts a NO_GO only with a GO carrying a reason: override true', () => {
      for (const comment of [undefined, '  ']) {
        const error = refusal(blocked, admin, {
          type: 'SIGN_OFF',
          team: 'SUPPORT',
          decision: 'GO',
          comment,
        });
        expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'comment']);
      }
      const l = act(blocked, admin, {
        type: 'SIGN_OFF',
        team: 'SUPPORT',
        decision: 'GO',
        comment: 'Exec call: ship it',
      });
      expect(l.events.at(-1)).toMatchObject({
        type: 'SIGNED_GO',
        actorId: admin.id,
        team: 'SUPPORT',
        data: { override: true, comment: 'Exec call: ship it' },
      });
      expect(signOffsOf(l, 'SUPPORT').at(-1)).toMatchObject({
        status: 'ACTIVE',
        override: true,
        signedById: admin.id,
      });
      expect(readiness(state(l), l.now).canAdvance).toBe(true);
    });

    it("still needs the team's own required items done", () => {
      let l = createdLaunch({ template: 'standard' });
      l = noGo(l, 'SUPPORT');
      const error = refusal(l, admin, {
        type: 'SIGN_OFF',
        team: 'SUPPORT',
        decision: 'GO',
        comment: 'Override',
      });
      expect(error.code).toBe('GATE_NOT_SATISFIED');
      expect(error.missing?.length).toBeGreaterThan(0);
      expect(error.missing?.every((m) => m.team === 'SUPPORT' && m.kind === 'CHECKLIST_ITEM')).toBe(
        true,
      );
    });

    it('an admin GO where no NO_GO stands is no override and needs no comment', () => {
      const l = act(completeRequired(createdLaunch()), admin, {
        type: 'SIGN_OFF',
        team: 'SUPPORT',
        decision: 'GO',
      });
      expect(l.events.at(-1)).toMatchObject({
        type: 'SIGNED_GO',
        data: { override: false, comment: null },
      });
    });

    it('an admin who is in the team acts as the team: no override, no comment needed', () => {
      const supportAdmin: Actor = { id: 'u-sa', role: 'ADMIN', teams: ['SUPPORT'] };
      const l = act(blocked, supportAdmin, { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'GO' });
      expect(l.events.at(-1)).toMatchObject({ type: 'SIGNED_GO', data: { override: false } });
    });
  });

  describe('supersession by checklist changes', () => {
    const base = (() => {
      let l = createdLaunch({ template: 'standard' });
      l = completeRequired(l);
      l = signGo(l, ['PRODUCT', 'ENGINEERING']);
      return noGo(l, 'SUPPORT');
    })();
    const activeGos = (l: TestLaunch) =>
      state(l).signOffs.filter(
        (s) => s.stage === state(l).stage && s.status === 'ACTIVE' && s.decision === 'GO',
      );
    const activeNoGos = (l: TestLaunch) =>
      state(l).signOffs.filter((s) => s.status === 'ACTIVE' && s.decision === 'NO_GO');

    it('reopening a required item of S supersedes every ACTIVE GO on S, never a NO_GO', () => {
      const design = item(base, { title: 'Technical design reviewed' });
      const gos = activeGos(base).map((s) => s.id);
      expect(gos).toHaveLength(2);
      const l = act(base, engineering, {
        type: 'REOPEN_ITEM',
        itemId: design.id,
        reason: 'Design changed',
      });
      expect(activeGos(l)).toEqual([]);
      expect(activeNoGos(l)).toHaveLength(1);
      expect(l.events.at(-1)).toMatchObject({
        type: 'ITEM_REOPENED',
        data: { supersededSignOffIds: gos },
      });
      expect(missingOf(l).map((m) => [m.kind, m.team])).toEqual([
        ['CHECKLIST_ITEM', 'ENGINEERING'],
        ['SIGN_OFF', 'PRODUCT'],
        ['SIGN_OFF', 'ENGINEERING'],
        ['BLOCKED_BY_TEAM', 'SUPPORT'],
      ]);
    });

    it('adding a required item to S supersedes the GOs; to a later stage or optional, nothing', () => {
      const required = act(base, coordinator, {
        type: 'ADD_ITEM',
        stage: 'PLANNING',
        team: 'SUPPORT',
        title: 'Legal review',
      });
      expect(activeGos(required)).toEqual([]);
      expect(activeNoGos(required)).toHaveLength(1);
      const optional = act(base, coordinator, {
        type: 'ADD_ITEM',
        stage: 'PLANNING',
        team: 'SUPPORT',
        title: 'Nice',
        required: false,
      });
      expect(activeGos(optional)).toHaveLength(2);
      const laterStage = act(base, coordinator, {
        type: 'ADD_ITEM',
        stage: 'BETA',
        team: 'SUPPORT',
        title: 'Beta thing',
      });
      expect(activeGos(laterStage)).toHaveLength(2);
    });

    it('completing, waiving or reopening an optional item supersedes nothing', () => {
      const optional = item(base, { stage: 'PLANNING', required: false });
      let l = act(base, member(optional.team), { type: 'COMPLETE_ITEM', itemId: optional.id });
      expect(activeGos(l)).toHaveLength(2);
      l = act(l, coordinator, { type: 'REOPEN_ITEM', itemId: optional.id, reason: 'Redo' });
      expect(activeGos(l)).toHaveLength(2);
      l = act(l, coordinator, { type: 'WAIVE_ITEM', itemId: optional.id, reason: 'Skip' });
      expect(activeGos(l)).toHaveLength(2);
      const future = item(l, { stage: 'ALPHA', required: true, team: 'PRODUCT' });
      l = act(l, product, { type: 'COMPLETE_ITEM', itemId: future.id });
      l = act(l, product, { type: 'REOPEN_ITEM', itemId: future.id, reason: 'Early' });
      expect(activeGos(l)).toHaveLength(2);
    });
  });
});

describe('Checklist items', () => {
  it('a launch keeps its own copy of its template, in order, every item OPEN', () => {
    const l = createdLaunch({ template: undefined });
    const template = getTemplate('standard');
    expect(state(l).template).toBe('standard');
    expect(state(l).items.map((i) => [i.stage, i.team, i.title, i.required, i.position])).toEqual(
      template.items.map((t, position) => [t.stage, t.team, t.title, t.required, position]),
    );
    expect(new Set(state(l).items.map((i) => i.id)).size).toBe(template.items.length);
    expect(state(l).items.every((i) => i.status === 'OPEN' && i.completedById === null)).toBe(true);
    expect((l.events[0]!.data as { items: unknown[] }).items).toHaveLength(template.items.length);
  });

  it('completes with optional http(s) evidence and a note, recording who and when', () => {
    const l = createdLaunch();
    const scope = item(l, { team: 'PRODUCT', stage: 'PLANNING' });
    const done = act(l, product, {
      type: 'COMPLETE_ITEM',
      itemId: scope.id,
      evidenceUrl: 'https://docs.example.com/scope',
      note: 'Reviewed with PMO',
    });
    expect(item(done, { id: scope.id })).toMatchObject({
      status: 'DONE',
      evidenceUrl: 'https://docs.example.com/scope',
      note: 'Reviewed with PMO',
      completedById: product.id,
      completedAt: done.events.at(-1)!.at,
    });
    for (const evidenceUrl of ['ftp://x.example.com/a', 'javascript:alert(1)', 'not a url']) {
      const error = refusal(l, product, { type: 'COMPLETE_ITEM', itemId: scope.id, evidenceUrl });
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'evidenceUrl']);
    }
  });

  it('moves only along OPEN -> DONE|WAIVED -> OPEN; anything else is INVALID_TRANSITION', () => {
    const l = createdLaunch();
    const scope = item(l, { team: 'PRODUCT', stage: 'PLANNING' });
    const complete = { type: 'COMPLETE_ITEM', itemId: scope.id } as const;
    const waive = { type: 'WAIVE_ITEM', itemId: scope.id, reason: 'Skip' } as const;
    const reopen = { type: 'REOPEN_ITEM', itemId: scope.id, reason: 'Again' } as const;
    expect(refusal(l, product, reopen).code).toBe('INVALID_TRANSITION');
    const done = act(l, product, complete);
    expect(refusal(done, product, complete).code).toBe('INVALID_TRANSITION');
    expect(refusal(done, coordinator, waive).code).toBe('INVALID_TRANSITION');
    const waived = act(l, coordinator, waive);
    expect(item(waived, { id: scope.id })).toMatchObject({
      status: 'WAIVED',
      note: 'Skip',
      completedById: coordinator.id,
    });
    expect(refusal(waived, product, complete).code).toBe('INVALID_TRANSITION');
    expect(refusal(waived, coordinator, waive).code).toBe('INVALID_TRANSITION');
    const reopened = act(waived, product, reopen);
    expect(item(reopened, { id: scope.id })).toMatchObject({
      status: 'OPEN',
      note: null,
      evidenceUrl: null,
      completedById: null,
      completedAt: null,
    });
  });

  it('waiving and reopening always need a non-empty reason', () => {
    const l = createdLaunch();
    const scope = item(l, { team: 'PRODUCT' });
    const done = act(l, product, { type: 'COMPLETE_ITEM', itemId: scope.id });
    for (const reason of ['', '   ']) {
      expect(refusal(l, coordinator, { type: 'WAIVE_ITEM', itemId: scope.id, reason }).field).toBe(
        'reason',
      );
      expect(
        refusal(done, coordinator, { type: 'REOPEN_ITEM', itemId: scope.id, reason }).field,
      ).toBe('reason');
    }
  });

  it('items of a past stage never change', () => {
    let l = createdLaunch({ template: 'standard' });
    const optional = item(l, { stage: 'PLANNING', required: false });
    const required = item(l, { stage: 'PLANNING', required: true });
    l = advance(satisfyGate(l));
    expect(refusal(l, admin, { type: 'COMPLETE_ITEM', itemId: optional.id }).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(refusal(l, admin, { type: 'WAIVE_ITEM', itemId: optional.id, reason: 'x' }).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(refusal(l, admin, { type: 'REOPEN_ITEM', itemId: required.id, reason: 'x' }).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('items may be added to the current or a later stage, never a past one', () => {
    const l = launchAt('BETA');
    const add = (stage: 'ALPHA' | 'BETA' | 'SUPPORT_TRAINED') =>
      ({
        type: 'ADD_ITEM',
        stage,
        team: 'SUPPORT',
        title: 'Security review',
        description: 'Pen test',
      }) as const;
    expect(refusal(l, coordinator, add('ALPHA')).code).toBe('INVALID_TRANSITION');
    for (const stage of ['BETA', 'SUPPORT_TRAINED'] as const) {
      const added = act(l, coordinator, add(stage));
      expect(state(added).items.at(-1)).toMatchObject({
        stage,
        team: 'SUPPORT',
        title: 'Security review',
        description: 'Pen test',
        required: true,
        status: 'OPEN',
        position: state(l).items.length,
      });
    }
    const error = refusal(l, coordinator, { ...add('BETA'), stage: 'GA' });
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'stage']);
  });

  it('items of a later stage may be completed early', () => {
    const l = createdLaunch();
    const alpha = item(l, { stage: 'ALPHA', required: true });
    expect(
      item(act(l, member(alpha.team), { type: 'COMPLETE_ITEM', itemId: alpha.id }), {
        id: alpha.id,
      }).status,
    ).toBe('DONE');
  });

  it('an unknown item id is NOT_FOUND', () => {
    const l = createdLaunch();
    expect(refusal(l, admin, { type: 'COMPLETE_ITEM', itemId: 'nope' }).code).toBe('NOT_FOUND');
    expect(refusal(l, admin, { type: 'REOPEN_ITEM', itemId: '', reason: 'x' }).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('Early access', () => {
  it.each(['PLANNING', 'ALPHA'] as const)('cannot be granted in %s', (stage) => {
    expect(refusal(launchAt(stage), coordinator, { type: 'GRANT_EARLY_ACCESS' }).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it.each(['BETA', 'DOCS_READY', 'SUPPORT_TRAINED'] as const)(
    'is granted once from %s, with url and notes',
    (stage) => {
      const l = act(launchAt(stage), coordinator, {
        type: 'GRANT_EARLY_ACCESS',
        url: 'https://preview.example.com',
        notes: 'Use the demo tenant',
      });
      expect(state(l).earlyAccess).toEqual({
        grantedAt: l.events.at(-1)!.at,
        grantedById: coordinator.id,
        url: 'https://preview.example.com',
        notes: 'Use the demo tenant',
      });
      expect(refusal(l, coordinator, { type: 'GRANT_EARLY_ACCESS' }).code).toBe('CONFLICT');
    },
  );

  it('is a coordinator or admin move, with an http(s) URL', () => {
    const l = launchAt('BETA');
    expect(refusal(l, support, { type: 'GRANT_EARLY_ACCESS' }).code).toBe('FORBIDDEN');
    const error = refusal(l, coordinator, {
      type: 'GRANT_EARLY_ACCESS',
      url: 'file:///etc/passwd',
    });
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'url']);
    expect(state(act(l, admin, { type: 'GRANT_EARLY_ACCESS' })).earlyAccess).toMatchObject({
      url: null,
      notes: null,
    });
  });
});

describe('Audit', () => {
  it('records one event per change, with actor, team, the stage it happened in, and data', () => {
    let l = createdLaunch();
    const scope = item(l, { stage: 'PLANNING', team: 'PRODUCT' });
    l = act(l, product, { type: 'COMPLETE_ITEM', itemId: scope.id, note: 'ok' });
    l = signGo(l);
    l = advance(l);
    expect(l.events.map((e) => [e.type, e.stage, e.team, e.actorId])).toEqual([
      ['CREATED', 'PLANNING', null, coordinator.id],
      ['ITEM_COMPLETED', 'PLANNING', 'PRODUCT', product.id],
      ['SIGNED_GO', 'PLANNING', 'PRODUCT', product.id],
      ['SIGNED_GO', 'PLANNING', 'ENGINEERING', engineering.id],
      ['SIGNED_GO', 'PLANNING', 'SUPPORT', support.id],
      ['ADVANCED', 'PLANNING', null, coordinator.id],
    ]);
    expect(l.events[1]!.data).toEqual({ itemId: scope.id, evidenceUrl: null, note: 'ok' });
    expect(l.events.at(-1)!.data).toEqual({ from: 'PLANNING', to: 'ALPHA' });
    expect(state(l).updatedAt).toBe(l.events.at(-1)!.at);
  });

  it('CREATED carries every launch field and its items', () => {
    const l = createdLaunch({ description: 'Why', supportLeadDays: 7, blockResponseHours: 4.5 });
    expect(l.events[0]!.data).toMatchObject({
      id: 'launch-1',
      key: 'test-launch',
      name: 'Test launch',
      description: 'Why',
      coordinatorId: coordinator.id,
      supportLeadDays: 7,
      blockResponseHours: 4.5,
      template: 'lite',
    });
    expect(state(l)).toMatchObject({
      createdAt: T0,
      updatedAt: T0,
      stage: 'PLANNING',
      earlyAccess: null,
      signOffs: [],
    });
  });

  it('replaying the events reproduces the state exactly', () => {
    let l = noGo(launchAt('BETA', { template: 'standard' }), 'SUPPORT');
    l = act(l, coordinator, { type: 'GRANT_EARLY_ACCESS', url: 'https://x.example.com' });
    l = act(l, coordinator, { type: 'UPDATE', changes: { name: 'Renamed', description: 'New' } });
    l = act(l, engineering, { type: 'COMMENT', body: 'On it' });
    const replayed = replay(l.events);
    expect(replayed.context).toEqual(state(l));
    expect(replayed.value).toBe(l.snapshot.value);
  });

  it('documents the data of every event type, and names what each event touched', () => {
    expect(Object.keys(EVENT_DATA_DESCRIPTIONS).sort()).toEqual([...LAUNCH_EVENT_TYPES].sort());
    let l = completeRequired(createdLaunch());
    l = signGo(l, ['PRODUCT']);
    const goId = state(l).signOffs[0]!.id;
    const scope = item(l, { team: 'PRODUCT', stage: 'PLANNING' });
    l = act(l, coordinator, { type: 'REOPEN_ITEM', itemId: scope.id, reason: 'Rework' });
    expect(eventEffects(l.events.at(-1)!)).toEqual({
      launch: true,
      itemIds: [scope.id],
      signOffIds: [goId],
    });
    expect(eventEffects(l.events[0]!).itemIds).toHaveLength(state(l).items.length);
  });
});

describe('Other defined behaviour', () => {
  const l = launchAt('GA');
  const anItem = state(l).items[0]!;

  it('precedence: BAD_USER_INPUT before everything, whatever the state', () => {
    const error = refusal(l, viewer, { type: 'REOPEN_ITEM', itemId: 'nope', reason: ' ' });
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'reason']);
  });

  it('precedence: NOT_FOUND before FORBIDDEN', () => {
    expect(refusal(l, viewer, { type: 'COMPLETE_ITEM', itemId: 'nope' }).code).toBe('NOT_FOUND');
  });

  it('precedence: FORBIDDEN before INVALID_TRANSITION', () => {
    expect(refusal(l, member('SUPPORT'), { type: 'ADVANCE' }).code).toBe('FORBIDDEN');
    const engItem = item(l, { team: 'ENGINEERING' });
    expect(refusal(l, product, { type: 'REOPEN_ITEM', itemId: engItem.id, reason: 'x' }).code).toBe(
      'FORBIDDEN',
    );
  });

  it('precedence: CONFLICT before INVALID_TRANSITION', () => {
    expect(state(l).earlyAccess).not.toBeNull();
    expect(refusal(l, coordinator, { type: 'GRANT_EARLY_ACCESS' }).code).toBe('CONFLICT');
  });

  it('precedence: INVALID_TRANSITION before GATE_NOT_SATISFIED', () => {
    const reopened = act(launchAt('ALPHA', { template: 'standard' }), coordinator, {
      type: 'CANCEL',
      reason: 'x',
    });
    expect(
      refusal(reopened, product, { type: 'SIGN_OFF', team: 'PRODUCT', decision: 'GO' }).code,
    ).toBe('INVALID_TRANSITION');
    expect(refusal(l, admin, { type: 'COMPLETE_ITEM', itemId: anItem.id }).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('a target GA date in the past is BAD_USER_INPUT on create and update', () => {
    const past = later(T0, -1);
    expect(() => createdLaunch({ targetGaDate: past })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'targetGaDate' }),
    );
    const error = refusal(createdLaunch(), coordinator, {
      type: 'UPDATE',
      changes: { targetGaDate: '2000-01-01T00:00:00Z' },
    });
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'targetGaDate']);
  });

  it('orders CHECKLIST_ITEM requirements by team, then title in code-point order', () => {
    let launch = createdLaunch({ template: 'lite' });
    for (const [team, title] of [
      ['SUPPORT', 'b'],
      ['SUPPORT', '😀 emoji'],
      ['SUPPORT', 'ｚ fullwidth'],
      ['SUPPORT', 'Ä umlaut'],
      ['SUPPORT', 'B'],
      ['ENGINEERING', 'z'],
      ['SUPPORT', 'a'],
    ] as const) {
      launch = act(launch, coordinator, { type: 'ADD_ITEM', stage: 'PLANNING', team, title });
    }
    const titles = missingOf(launch)
      .filter((m) => m.kind === 'CHECKLIST_ITEM')
      .map((m) => [m.team, m.message.replace(/^.* must complete "(.*)"\.$/, '$1')]);
    expect(titles).toEqual([
      ['PRODUCT', 'Scope and success metric written'],
      ['ENGINEERING', 'z'],
      ['SUPPORT', 'B'],
      ['SUPPORT', 'a'],
      ['SUPPORT', 'b'],
      ['SUPPORT', 'Ä umlaut'],
      ['SUPPORT', 'ｚ fullwidth'],
      ['SUPPORT', '😀 emoji'],
    ]);
  });

  it('blocked is false on GA and CANCELLED launches, with nothing missing', () => {
    const cancelled = act(noGo(createdLaunch(), 'SUPPORT'), coordinator, {
      type: 'CANCEL',
      reason: 'Dropped',
    });
    expect(state(cancelled).signOffs[0]!.status).toBe('ACTIVE');
    for (const launch of [l, cancelled]) {
      expect(readiness(state(launch), launch.now)).toMatchObject({
        blocked: false,
        canAdvance: false,
        missing: [],
        nextStage: null,
      });
    }
  });

  it('an update that changes nothing records nothing', () => {
    const launch = createdLaunch();
    expect(
      act(launch, coordinator, { type: 'UPDATE', changes: { name: state(launch).name } }).events,
    ).toHaveLength(1);
  });

  it('time is passed in: readiness at different moments differs only through lead time', () => {
    const base = act(
      signGo(completeRequired(launchAt('SUPPORT_TRAINED', { supportLeadDays: 1 }))),
      coordinator,
      {
        type: 'GRANT_EARLY_ACCESS',
      },
    );
    expect(readiness(state(base), base.now).canAdvance).toBe(false);
    expect(readiness(state(base), wait(base, DAY_MS).now).canAdvance).toBe(true);
  });
});
