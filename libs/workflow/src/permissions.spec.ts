import { TEAMS } from '#checklists';
import type { Actor } from './actor.js';
import { ROLES } from './actor.js';
import type { LaunchCommand } from './launch.commands.js';
import { viewerCan } from './permissions.js';
import type { LaunchPermissions } from './launch.types.js';
import {
  act,
  admin,
  coordinator,
  createdLaunch,
  item,
  items,
  launchAt,
  member,
  refusal,
  state,
  viewer,
} from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

const nobody = { signFor: [], completeFor: [], reopenFor: [] };

describe('viewerCan', () => {
  const planning = createdLaunch();

  it('a coordinator outside any team runs the launch but acts for no team (except reopening)', () => {
    expect(viewerCan(coordinator, planning.snapshot)).toEqual({
      advance: true,
      cancel: true,
      update: true,
      addItem: true,
      grantEarlyAccess: false,
      comment: true,
      signFor: [],
      completeFor: [],
      reopenFor: [...TEAMS],
      waive: true,
      overrideFreeze: false,
    });
  });

  it('a member acts for its own teams only', () => {
    const m: Actor = { id: 'm', role: 'MEMBER', teams: ['SUPPORT', 'PRODUCT'] };
    expect(viewerCan(m, state(planning))).toEqual({
      advance: false,
      cancel: false,
      update: false,
      addItem: false,
      grantEarlyAccess: false,
      comment: true,
      signFor: ['PRODUCT', 'SUPPORT'],
      completeFor: ['PRODUCT', 'SUPPORT'],
      reopenFor: ['PRODUCT', 'SUPPORT'],
      waive: false,
      overrideFreeze: false,
    });
  });

  it('a coordinator in a team also signs and completes for it; an admin for all', () => {
    const c: Actor = { id: 'c', role: 'COORDINATOR', teams: ['ENGINEERING'] };
    expect(viewerCan(c, planning.snapshot)).toMatchObject({
      signFor: ['ENGINEERING'],
      completeFor: ['ENGINEERING'],
    });
    expect(viewerCan(admin, planning.snapshot)).toMatchObject({
      advance: true,
      signFor: [...TEAMS],
      completeFor: [...TEAMS],
      reopenFor: [...TEAMS],
    });
  });

  it('a viewer may do nothing, whatever teams it lists', () => {
    expect(viewerCan(viewer, planning.snapshot)).toEqual({
      advance: false,
      cancel: false,
      update: false,
      addItem: false,
      grantEarlyAccess: false,
      comment: false,
      ...nobody,
      waive: false,
      overrideFreeze: false,
    });
  });

  it('grantEarlyAccess is true from BETA until granted', () => {
    const beta = launchAt('BETA');
    expect(viewerCan(coordinator, beta.snapshot).grantEarlyAccess).toBe(true);
    const granted = act(beta, coordinator, { type: 'GRANT_EARLY_ACCESS' });
    expect(viewerCan(coordinator, granted.snapshot).grantEarlyAccess).toBe(false);
  });

  it.each(['GA', 'CANCELLED'] as const)('on %s everything is off except comment', (stage) => {
    const l = launchAt(stage);
    for (const actor of [admin, coordinator, member('PRODUCT')]) {
      expect(viewerCan(actor, l.snapshot)).toEqual({
        advance: false,
        cancel: false,
        update: false,
        addItem: false,
        grantEarlyAccess: false,
        comment: true,
        ...nobody,
        waive: false,
        overrideFreeze: false,
      });
    }
  });

  it('does not depend on whether the gate is met', () => {
    expect(viewerCan(coordinator, planning.snapshot).advance).toBe(true);
    expect(refusal(planning, coordinator, { type: 'ADVANCE' }).code).toBe('GATE_NOT_SATISFIED');
  });
});

describe('viewerCan agrees with enforcement', () => {
  const actors: Actor[] = [
    ...ROLES.flatMap((role) => [
      { id: `${role}-none`, role, teams: [] },
      ...TEAMS.map((team) => ({ id: `${role}-${team}`, role, teams: [team] })),
    ]),
  ];

  /** Each command with the flag of viewerCan that speaks for it (targets the item rules allow). */
  function commandsFor(l: TestLaunch, can: LaunchPermissions): [LaunchCommand, boolean][] {
    const open =
      items(l, { status: 'OPEN', stage: state(l).stage })[0] ?? item(l, { status: 'OPEN' });
    const closed =
      items(l, { stage: state(l).stage }).find((i) => i.status !== 'OPEN') ??
      state(l).items.find((i) => i.status !== 'OPEN') ??
      open;
    return [
      [{ type: 'UPDATE', changes: { name: 'Renamed' } }, can.update],
      [
        {
          type: 'ADD_ITEM',
          stage: 'SUPPORT_TRAINED',
          team: 'SUPPORT',
          title: 'More',
          required: false,
        },
        can.addItem,
      ],
      [{ type: 'COMPLETE_ITEM', itemId: open.id }, can.completeFor.includes(open.team)],
      [{ type: 'WAIVE_ITEM', itemId: open.id, reason: 'r' }, can.waive],
      [
        { type: 'REOPEN_ITEM', itemId: closed.id, reason: 'r' },
        can.reopenFor.includes(closed.team),
      ],
      ...TEAMS.map((team): [LaunchCommand, boolean] => [
        { type: 'SIGN_OFF', team, decision: 'NO_GO', comment: 'c' },
        can.signFor.includes(team),
      ]),
      [{ type: 'CANCEL', reason: 'r' }, can.cancel],
      [{ type: 'GRANT_EARLY_ACCESS' }, can.grantEarlyAccess],
      [{ type: 'COMMENT', body: 'b' }, can.comment],
    ];
  }

  it.each(['PLANNING', 'BETA', 'GA'] as const)(
    'in %s: what viewerCan offers is exactly what enforcement accepts (commands without gate rules)',
    (stage) => {
      let l = launchAt(stage, { template: 'standard' });
      if (stage !== 'GA') {
        // A DONE item on the current stage, so reopening has a target too.
        const done = item(l, { stage, status: 'OPEN' });
        l = act(l, admin, { type: 'COMPLETE_ITEM', itemId: done.id });
      }
      let checked = 0;
      for (const actor of actors) {
        for (const [command, offered] of commandsFor(l, viewerCan(actor, l.snapshot))) {
          let accepted = true;
          try {
            act(l, actor, command);
          } catch (error) {
            if (!(error instanceof WorkflowError)) throw error;
            accepted = false;
          }
          expect([actor.id, command.type, offered]).toEqual([actor.id, command.type, accepted]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(150);
    },
  );
});
