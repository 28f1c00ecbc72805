/*
 * With the default policy, the gate policy's rules are GATES.md's (POLICIES.md): on random
 * command sequences with several people per team and time passing, every sign-off
 * supersedes exactly the team's one standing sign-off, nothing expires, nobody is refused
 * by separation of duties, and readiness says what the rules of GATES.md say.
 */
import { TEAMS, stageLabel, teamLabel } from '#checklists';
import type { Team } from '#checklists';
import fc from 'fast-check';
import type { Actor } from './actor.js';
import { approveFor } from './approval.rules.js';
import type { LaunchCommand } from './launch.commands.js';
import type { LaunchState } from './launch.types.js';
import { viewerCan } from './permissions.js';
import { readiness } from './readiness.js';
import { signOffStatusAt } from './sign-off.rules.js';
import { DAY_MS, act, admin, coordinator, launchAt, later, state } from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

type Op =
  | { kind: 'sign'; team: Team; who: number; decision: 'GO' | 'NO_GO' }
  | { kind: 'complete' | 'reopen'; item: number }
  | { kind: 'wait'; days: number }
  | { kind: 'lead'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('sign' as const),
    team: fc.constantFrom(...TEAMS),
    who: fc.nat(3),
    decision: fc.constantFrom('GO' as const, 'NO_GO' as const),
  }),
  fc.record({ kind: fc.constantFrom('complete' as const, 'reopen' as const), item: fc.nat(40) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('lead' as const), days: fc.integer({ min: 0, max: 90 }) }),
);

/** Two members per team, an admin, and the launch's coordinator who is also in the team. */
function signer(team: Team, who: number): Actor {
  if (who === 2) return admin;
  if (who === 3) return { ...coordinator, teams: [team] };
  return { id: `u-${team}-${who}`, role: 'MEMBER', teams: [team] };
}

function command(s: LaunchState, o: Exclude<Op, { kind: 'wait' }>): [Actor, LaunchCommand] {
  const stageItems = s.items.filter((i) => i.stage === s.stage);
  switch (o.kind) {
    case 'sign':
      return [
        signer(o.team, o.who),
        { type: 'SIGN_OFF', team: o.team, decision: o.decision, comment: 'Because' },
      ];
    case 'complete':
    case 'reopen': {
      const it = stageItems[o.item % stageItems.length]!;
      return o.kind === 'complete'
        ? [coordinator, { type: 'WAIVE_ITEM', itemId: it.id, reason: 'Fine' }]
        : [coordinator, { type: 'REOPEN_ITEM', itemId: it.id, reason: 'Again' }];
    }
    case 'lead':
      return [coordinator, { type: 'UPDATE', changes: { supportLeadDays: o.days } }];
  }
}

/** GATES.md's sign-off part of the gate, written out as it was before gate policies. */
function gatesSignOffMissing(s: LaunchState) {
  const rows = TEAMS.flatMap((team) => {
    const active = s.signOffs.find(
      (x) => x.stage === s.stage && x.team === team && x.status === 'ACTIVE',
    );
    if (!active) {
      return [
        ['SIGN_OFF', team, `${teamLabel(team)} has not signed off on ${stageLabel(s.stage)}.`],
      ];
    }
    return active.decision === 'NO_GO'
      ? [['BLOCKED_BY_TEAM', team, `${teamLabel(team)} blocked this launch: ${active.comment}`]]
      : [];
  });
  // Kind first (SIGN_OFF before BLOCKED_BY_TEAM), then team: the order of GATES.md.
  return [...rows.filter((m) => m[0] === 'SIGN_OFF'), ...rows.filter((m) => m[0] !== 'SIGN_OFF')];
}

function check(l: TestLaunch): void {
  const s = state(l);
  for (const team of TEAMS) {
    const standing = s.signOffs.filter(
      (x) => x.stage === s.stage && x.team === team && x.status === 'ACTIVE',
    );
    expect(standing.length).toBeLessThanOrEqual(1);
  }
  for (const x of s.signOffs) expect(signOffStatusAt(s, x, l.now)).toBe(x.status);
  const r = readiness(s, l.now);
  const signOffKinds = ['SIGN_OFF', 'BLOCKED_BY_TEAM', 'SIGN_OFF_EXPIRED'];
  expect(
    r.missing.filter((m) => signOffKinds.includes(m.kind)).map((m) => [m.kind, m.team, m.message]),
  ).toEqual(gatesSignOffMissing(s));
  for (const team of TEAMS) {
    for (const who of [0, 1, 2, 3]) {
      const actor = signer(team, who);
      expect(approveFor(actor, s, l.now)).toEqual(viewerCan(actor, s).signFor);
    }
  }
}

describe('the default policy is GATES.md', () => {
  it('on random sequences of sign-offs, item changes, lead-day changes and time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('PLANNING' as const, 'BETA' as const),
        fc.array(op, { maxLength: 30 }),
        (stage, ops) => {
          let l = launchAt(stage);
          for (const o of ops) {
            if (o.kind === 'wait') {
              l = { ...l, now: later(l.now, o.days * DAY_MS) };
              continue;
            }
            const s = state(l);
            const [actor, cmd] = command(s, o);
            const before =
              cmd.type === 'SIGN_OFF'
                ? s.signOffs
                    .filter(
                      (x) => x.stage === s.stage && x.team === cmd.team && x.status === 'ACTIVE',
                    )
                    .map((x) => x.id)
                : [];
            try {
              const next = act(l, actor, cmd);
              if (cmd.type === 'SIGN_OFF') {
                expect(next.events.at(-1)).toMatchObject({
                  data: { supersededSignOffIds: before },
                });
              }
              l = next;
            } catch (error) {
              if (!(error instanceof WorkflowError)) throw error;
              // Only what GATES.md refuses: open items (GO), an item in the wrong status.
              expect(['GATE_NOT_SATISFIED', 'INVALID_TRANSITION']).toContain(error.code);
            }
            check(l);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
