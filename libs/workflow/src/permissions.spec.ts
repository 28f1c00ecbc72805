import { TEAMS } from '#checklists';
import type { Actor } from './actor.js';
import { ROLES } from './actor.js';
import type { LaunchCommand } from './launch.commands.js';
import { can, viewerCan } from './permissions.js';
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
      });
    }
  });

  it('does not depend on whether the gate is met', () => {
    expect(viewerCan(coordinator, planning.snapshot).advance).toBe(true);
    expect(refusal(planning, coordinator, { type: 'ADVANCE' }).code).toBe('GATE_NOT_SATISFIED');
  });
});

describe('can() agrees with enforcement', () => {
  const actors: Actor[] = [
    ...ROLES.flatMap((role) => [
      { id: `${role}-none`, role, teams: [] },
      ...TEAMS.map((team) => ({ id: `${role}-${team}`, role, teams: [team] })),
    ]),
  ];

  function commandsFor(l: TestLaunch): LaunchCommand[] {
    const open =
      items(l, { status: 'OPEN', stage: state(l).stage })[0] ?? item(l, { status: 'OPEN' });
    const pastOpen = item(l, { status: 'OPEN', stage: 'PLANNING' });
    const closed = state(l).items.find((i) => i.status !== 'OPEN') ?? open;
    return [
      { type: 'UPDATE', changes: { name: 'Renamed' } },
      {
        type: 'ADD_ITEM',
        stage: 'SUPPORT_TRAINED',
        team: 'SUPPORT',
        title: 'More',
        required: false,
      },
      { type: 'COMPLETE_ITEM', itemId: open.id },
      { type: 'COMPLETE_ITEM', itemId: closed.id },
      { type: 'COMPLETE_ITEM', itemId: pastOpen.id },
      { type: 'WAIVE_ITEM', itemId: open.id, reason: 'r' },
      { type: 'REOPEN_ITEM', itemId: closed.id, reason: 'r' },
      { type: 'REOPEN_ITEM', itemId: open.id, reason: 'r' },
      ...TEAMS.map(
        (team) => ({ type: 'SIGN_OFF', team, decision: 'NO_GO', comment: 'c' }) as const,
      ),
      { type: 'CANCEL', reason: 'r' },
      { type: 'GRANT_EARLY_ACCESS' },
      { type: 'COMMENT', body: 'b' },
    ];
  }

  it.each(['PLANNING', 'BETA', 'GA'] as const)(
    'in %s: can(...) is true exactly when decide accepts (commands without gate rules)',
    (stage) => {
      let l = launchAt(stage, { template: 'standard' });
      if (stage === 'BETA') {
        const done = item(l, { stage: 'BETA', status: 'OPEN' });
        l = act(l, admin, { type: 'COMPLETE_ITEM', itemId: done.id });
      }
      let checked = 0;
      for (const actor of actors) {
        for (const command of commandsFor(l)) {
          let accepted = true;
          try {
            act(l, actor, command);
          } catch (error) {
            if (!(error instanceof WorkflowError)) throw error;
            accepted = false;
          }
          expect([actor.id, command.type, can(actor, command, l.snapshot)]).toEqual([
            actor.id,
            command.type,
            accepted,
          ]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(200);
    },
  );
});
