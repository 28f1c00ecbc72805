import { GATED_STAGES, TEAMS } from '#checklists';
import type { Actor } from './actor.js';
import type { LaunchCommand } from './launch.commands.js';
import { supportLeadTime } from './readiness.js';
import {
  DAY_MS,
  act,
  admin,
  coordinator,
  completeRequired,
  createdLaunch,
  item,
  launchAt,
  later,
  member,
  refusal,
  state,
  viewer,
  wait,
} from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';
import {
  addItemStages,
  grantEarlyAccessRefusal,
  itemOptions,
  signOffOptions,
} from './viewer-options.rules.js';
import { WorkflowError } from './workflow.errors.js';

const ACTORS: readonly Actor[] = [
  admin,
  coordinator,
  viewer,
  ...TEAMS.map((team) => member(team)),
  { id: 'u-lead', role: 'COORDINATOR', teams: ['ENGINEERING'] },
];

function accepted(launch: TestLaunch, actor: Actor, command: LaunchCommand): boolean {
  try {
    act(launch, actor, command);
    return true;
  } catch (error) {
    if (error instanceof WorkflowError) return false;
    throw error;
  }
}

/** A BETA launch whose items are in every status, some of them in a past stage. */
function mixedLaunch(): TestLaunch {
  let l = launchAt('BETA', { template: 'standard' });
  const [done, waived] = state(l).items.filter((i) => i.stage === 'BETA' && i.status === 'OPEN');
  l = act(l, member(done!.team), { type: 'COMPLETE_ITEM', itemId: done!.id });
  return act(l, coordinator, { type: 'WAIVE_ITEM', itemId: waived!.id, reason: 'Not needed' });
}

describe('itemOptions', () => {
  it('offers exactly the item actions the rules would accept, for every actor and item', () => {
    const l = mixedLaunch();
    for (const actor of ACTORS) {
      const options = itemOptions(actor, l.snapshot);
      expect(options.map((o) => o.itemId)).toEqual(state(l).items.map((i) => i.id));
      for (const o of options) {
        expect({ actor: actor.id, ...o }).toEqual({
          actor: actor.id,
          itemId: o.itemId,
          complete: accepted(l, actor, { type: 'COMPLETE_ITEM', itemId: o.itemId }),
          waive: accepted(l, actor, { type: 'WAIVE_ITEM', itemId: o.itemId, reason: 'Why' }),
          reopen: accepted(l, actor, { type: 'REOPEN_ITEM', itemId: o.itemId, reason: 'Why' }),
        });
      }
    }
  });

  it('offers nothing on a past stage, nor on a final launch', () => {
    const l = mixedLaunch();
    const past = itemOptions(admin, state(l)).filter(
      (o) => item(l, { id: o.itemId }).stage === 'PLANNING',
    );
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((o) => !o.complete && !o.waive && !o.reopen)).toBe(true);
    const cancelled = act(l, coordinator, { type: 'CANCEL', reason: 'Stopped' });
    expect(
      itemOptions(admin, cancelled.snapshot).some((o) => o.complete || o.waive || o.reopen),
    ).toBe(false);
  });
});

describe('signOffOptions', () => {
  it('lists the teams the actor may sign for, GO refused with the refusal signOff would get', () => {
    const l = createdLaunch({ template: 'standard' });
    const [product] = signOffOptions(member('PRODUCT'), l.snapshot, l.now);
    const goRefusal = refusal(l, member('PRODUCT'), {
      type: 'SIGN_OFF',
      team: 'PRODUCT',
      decision: 'GO',
    });
    expect(goRefusal.code).toBe('GATE_NOT_SATISFIED');
    expect(product).toEqual({
      team: 'PRODUCT',
      go: false,
      goRefusal: goRefusal.message,
      commentRequiredForGo: false,
      commentRequiredForNoGo: true,
    });
    expect(signOffOptions(admin, l.snapshot, l.now).map((o) => o.team)).toEqual([...TEAMS]);
    expect(signOffOptions(coordinator, l.snapshot, l.now)).toEqual([]);
    expect(signOffOptions(viewer, l.snapshot, l.now)).toEqual([]);
  });

  it('offers GO once the team’s own required items are done', () => {
    const l = completeRequired(createdLaunch({ template: 'standard' }), 'SUPPORT');
    const [support] = signOffOptions(member('SUPPORT'), l.snapshot, l.now);
    expect(support).toMatchObject({ team: 'SUPPORT', go: true, goRefusal: null });
    expect(
      accepted(l, member('SUPPORT'), { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'GO' }),
    ).toBe(true);
  });

  it('asks an admin outside the team for a comment to lift its NO_GO', () => {
    let l = completeRequired(createdLaunch({ template: 'standard' }), 'SUPPORT');
    l = act(l, member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Docs missing',
    });
    const support = signOffOptions(admin, l.snapshot, l.now).find((o) => o.team === 'SUPPORT');
    expect(support).toMatchObject({ go: true, commentRequiredForGo: true });
    // The team's own member lifts it without one.
    const own = signOffOptions(member('SUPPORT'), l.snapshot, l.now)[0];
    expect(own).toMatchObject({ go: true, commentRequiredForGo: false });
  });

  it('offers nothing once the launch is final', () => {
    const l = launchAt('CANCELLED');
    expect(signOffOptions(admin, l.snapshot, l.now)).toEqual([]);
  });
});

describe('grantEarlyAccessRefusal', () => {
  it('says why not before BETA, to non-coordinators and once granted; null when allowed', () => {
    const alpha = launchAt('ALPHA');
    expect(grantEarlyAccessRefusal(coordinator, alpha.snapshot, alpha.now)).toBe(
      refusal(alpha, coordinator, { type: 'GRANT_EARLY_ACCESS' }).message,
    );
    const beta = launchAt('BETA');
    expect(grantEarlyAccessRefusal(coordinator, beta.snapshot, beta.now)).toBeNull();
    expect(grantEarlyAccessRefusal(member('SUPPORT'), beta.snapshot, beta.now)).toMatch(
      /coordinator/,
    );
    const granted = act(beta, coordinator, { type: 'GRANT_EARLY_ACCESS' });
    expect(grantEarlyAccessRefusal(coordinator, granted.snapshot, granted.now)).toMatch(
      /already has early access/,
    );
  });
});

describe('supportLeadTime', () => {
  it('is null until granted, then met from grantedAt + supportLeadDays', () => {
    const beta = launchAt('BETA', { supportLeadDays: 3 });
    expect(supportLeadTime(state(beta), beta.now)).toBeNull();
    const granted = act(beta, coordinator, { type: 'GRANT_EARLY_ACCESS' });
    const grantedAt = state(granted).earlyAccess!.grantedAt;
    const metAt = later(grantedAt, 3 * DAY_MS);
    expect(supportLeadTime(state(granted), later(metAt, -1))).toEqual({
      elapsedDays: 2,
      met: false,
      metAt,
    });
    expect(supportLeadTime(state(wait(granted, 0)), metAt)).toEqual({
      elapsedDays: 3,
      met: true,
      metAt,
    });
  });
});

describe('addItemStages', () => {
  it('offers the stages an ADD_ITEM would be accepted on, for every actor', () => {
    const l = mixedLaunch();
    for (const actor of ACTORS) {
      expect({ actor: actor.id, stages: addItemStages(actor, l.snapshot) }).toEqual({
        actor: actor.id,
        stages: GATED_STAGES.filter((stage) =>
          accepted(l, actor, { type: 'ADD_ITEM', stage, team: 'SUPPORT', title: 'New' }),
        ),
      });
    }
    expect(addItemStages(coordinator, l.snapshot)).toEqual([
      'BETA',
      'DOCS_READY',
      'SUPPORT_TRAINED',
    ]);
    const cancelled = act(l, coordinator, { type: 'CANCEL', reason: 'Stopped' });
    expect(addItemStages(admin, cancelled.snapshot)).toEqual([]);
  });
});
