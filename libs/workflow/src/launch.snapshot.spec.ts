import { readFileSync } from 'node:fs';
import { decide } from './decide.js';
import type { DomainEvent } from './launch.events.js';
import { MACHINE_VERSION } from './launch.machine.js';
import {
  applyEvent,
  migrateSnapshot,
  persistSnapshot,
  replay,
  restoreSnapshot,
  signOffHistory,
  stateOf,
} from './launch.snapshot.js';
import { readiness } from './readiness.js';
import {
  act,
  coordinator,
  createdLaunch,
  item,
  launchAt,
  later,
  member,
  state,
} from './test-helpers.js';

const internal = expect.objectContaining({ code: 'INTERNAL' });

describe('snapshot fixture of machine version 1', () => {
  const stored = JSON.parse(
    readFileSync(new URL('./fixtures/snapshot.v1.json', import.meta.url), 'utf8'),
  ) as { machineVersion: number; snapshot: unknown };
  const snapshot = restoreSnapshot(stored);
  const at = stateOf(snapshot).updatedAt;

  it('restores stage, status and state', () => {
    expect(stored.machineVersion).toBe(1);
    expect(snapshot.value).toBe('BETA');
    expect(snapshot.status).toBe('active');
    expect(stateOf(snapshot)).toMatchObject({
      key: 'checkout-v2',
      stage: 'BETA',
      supportLeadDays: 5,
    });
    expect(stateOf(snapshot).earlyAccess?.url).toBe('https://staging.example.com/checkout');
  });

  it('explains its readiness', () => {
    const r = readiness(stateOf(snapshot), at);
    expect(r.blocked).toBe(true);
    expect(r.canAdvance).toBe(false);
    expect(r.missing.map((m) => [m.kind, m.team])).toEqual([
      ['CHECKLIST_ITEM', 'PRODUCT'],
      ['CHECKLIST_ITEM', 'PRODUCT'],
      ['CHECKLIST_ITEM', 'ENGINEERING'],
      ['CHECKLIST_ITEM', 'SUPPORT'],
      ['SIGN_OFF', 'PRODUCT'],
      ['SIGN_OFF', 'ENGINEERING'],
      ['BLOCKED_BY_TEAM', 'SUPPORT'],
    ]);
    expect(r.missing.at(-1)?.message).toBe(
      'Support blocked this launch: Ticket routing is not set up yet.',
    );
    // Planning (5) and Alpha (4) done, one of Beta's: 10 of the template's 23 required items.
    expect(r.score).toBeCloseTo(10 / 23);
  });

  it('accepts further events', () => {
    const routing = stateOf(snapshot).items.find(
      (i) => i.title === 'Ticket tags and routing set up',
    )!;
    const support = member('SUPPORT');
    let ids = 0;
    const ctx = { now: later(at, 60_000), newId: () => `new-${++ids}` };
    let next = decide(snapshot, support, { type: 'COMPLETE_ITEM', itemId: routing.id }, ctx).reduce(
      applyEvent,
      snapshot,
    );
    next = decide(next, support, { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'GO' }, ctx).reduce(
      applyEvent,
      next,
    );
    expect(readiness(stateOf(next), ctx.now).blocked).toBe(false);
    expect(
      stateOf(next)
        .signOffs.filter((s) => s.stage === 'BETA')
        .map((s) => [s.team, s.decision, s.status]),
    ).toEqual([['SUPPORT', 'GO', 'ACTIVE']]);
  });
});

describe('snapshot fixtures across machine versions', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as {
      machineVersion: number;
      snapshot: unknown;
    };

  it('version 1 migrates to the current version with the default policy, from version 1', () => {
    const migrated = migrateSnapshot(read('snapshot.v1.json'));
    expect(migrated.machineVersion).toBe(MACHINE_VERSION);
    expect(migrated.snapshot.context).toMatchObject({
      templateVersion: 1,
      policy: { approvals: [], goValidDays: null, coordinatorMayApprove: true },
    });
  });

  it('version 2 restores with its own policy, which readiness applies', () => {
    const stored = read('snapshot.v2.json');
    expect(stored.machineVersion).toBe(2);
    const s = stateOf(restoreSnapshot(stored));
    expect(s).toMatchObject({ templateVersion: 3, policy: { goValidDays: 7 } });
    const beta = readiness(s, s.updatedAt).stages.find((g) => g.stage === 'BETA')!;
    expect(beta.teams.map((t) => t.approvalsNeeded)).toEqual([1, 2, 1]);
  });
});

describe('the snapshot holds the current state only', () => {
  it('version 2 migrates to the current version without its superseded sign-offs', () => {
    const standing = { status: 'ACTIVE', id: 'standing' };
    const stored = persistSnapshot(createdLaunch().snapshot);
    const context = { ...stored.snapshot.context, signOffs: [] as object[] };
    context.signOffs = [{ status: 'SUPERSEDED', id: 'old' }, standing];
    const migrated = migrateSnapshot({
      machineVersion: 2,
      snapshot: { ...stored.snapshot, context },
    });
    expect(migrated.machineVersion).toBe(MACHINE_VERSION);
    expect(migrated.snapshot.context.signOffs).toEqual([standing]);
  });

  it('does not grow with superseded sign-offs, which the events still hold', () => {
    const sign = (l: ReturnType<typeof createdLaunch>, n: number) => {
      let next = l;
      for (let i = 0; i < n; i += 1) {
        next = act(next, member('SUPPORT'), {
          type: 'SIGN_OFF',
          team: 'SUPPORT',
          decision: 'NO_GO',
          comment: `No runbook ${i % 10}`,
        });
      }
      return next;
    };
    const size = (l: ReturnType<typeof createdLaunch>) =>
      JSON.stringify(persistSnapshot(l.snapshot)).length;
    const few = sign(createdLaunch(), 10);
    const many = sign(few, 500);
    // The same size but for the digits of the newer ids.
    expect(Math.abs(size(many) - size(few))).toBeLessThan(10);
    expect(state(many).signOffs).toHaveLength(1);
    const history = signOffHistory(many.events);
    expect(history).toHaveLength(510);
    expect(history.filter((x) => x.status === 'SUPERSEDED')).toHaveLength(509);
    expect(history.at(-1)).toEqual(state(many).signOffs[0]);
    expect(replay(many.events).context).toEqual(state(many));
  });
});

describe('persist and restore', () => {
  it('round-trips through JSON with the machine version', () => {
    const l = launchAt('DOCS_READY');
    const stored = persistSnapshot(l.snapshot);
    expect(stored.machineVersion).toBe(MACHINE_VERSION);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(stored)));
    expect(restored.value).toBe('DOCS_READY');
    expect(restored.context).toEqual(state(l));
    expect(persistSnapshot(restored)).toEqual(stored);
  });

  it('restores a final launch as done, still taking comments', () => {
    const l = launchAt('GA');
    const restored = restoreSnapshot(persistSnapshot(l.snapshot));
    expect(restored.status).toBe('done');
    const [comment] = decide(
      restored,
      member('PRODUCT'),
      { type: 'COMMENT', body: 'Yay' },
      { now: l.now, newId: () => 'x' },
    );
    expect(stateOf(applyEvent(restored, comment!)).updatedAt).toBe(l.now);
  });

  it('refuses versions it does not know and things that are not launch snapshots', () => {
    const stored = persistSnapshot(createdLaunch().snapshot);
    expect(() => migrateSnapshot({ ...stored, machineVersion: 0 })).toThrow(internal);
    expect(() => migrateSnapshot({ ...stored, machineVersion: MACHINE_VERSION + 1 })).toThrow(
      internal,
    );
    expect(() =>
      restoreSnapshot({ machineVersion: 1, snapshot: { value: 'MOON', context: {} } }),
    ).toThrow(internal);
    expect(() => restoreSnapshot({ machineVersion: 1, snapshot: null })).toThrow(internal);
  });
});

describe('applyEvent and replay guard against impossible logs', () => {
  const l = createdLaunch();
  const scope = item(l, { stage: 'PLANNING' });
  const done = act(l, member('PRODUCT'), { type: 'COMPLETE_ITEM', itemId: scope.id });
  const completion = done.events.at(-1)!;

  it('throws INTERNAL when the machine refuses an event', () => {
    expect(() => applyEvent(done.snapshot, completion)).toThrow(internal);
    const advance: DomainEvent = {
      ...completion,
      type: 'ADVANCED',
      data: { from: 'PLANNING', to: 'ALPHA' },
    };
    expect(() => applyEvent(l.snapshot, advance)).toThrow(internal);
    expect(() => applyEvent(l.snapshot, l.events[0]!)).toThrow(internal);
  });

  it('replays only logs that start with CREATED', () => {
    expect(() => replay([])).toThrow(internal);
    expect(() => replay([completion])).toThrow(internal);
    expect(replay(done.events).context).toEqual(state(done));
  });

  it('an early access grant before BETA is refused by the machine itself', () => {
    const grant: DomainEvent = {
      ...completion,
      type: 'EARLY_ACCESS_GRANTED',
      team: 'SUPPORT',
      data: { url: null, notes: null },
    };
    expect(() => applyEvent(l.snapshot, grant)).toThrow(internal);
    const beta = launchAt('BETA');
    expect(
      stateOf(applyEvent(beta.snapshot, { ...grant, stage: 'BETA' })).earlyAccess,
    ).not.toBeNull();
  });

  it('the launch keeps coordinator from CREATED', () => {
    expect(state(l).coordinatorId).toBe(coordinator.id);
  });
});
