import { TEAMS, stageLabel, teamLabel } from '#checklists';
import type { Team } from '#checklists';
import type { Actor } from './actor.js';
import type { LaunchCommand } from './launch.commands.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import type { LaunchState } from './launch.types.js';
import { authorize, commandAllowedNow, toState } from './permissions.js';
import { approversOf } from './sign-off.rules.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * Who may not approve, and the lead-days floor (POLICIES.md). NO_GO is never refused here.
 */

/**
 * Separation of duties for a GO (a NO_GO is never refused here): FORBIDDEN when the policy
 * bars the launch's coordinator, or when distinctApprovers holds and the signer already
 * counts as an approver for another team on the stage. Binds admins too.
 */
export function approvalRefusal(
  actor: Actor,
  command: LaunchCommand,
  state: LaunchState,
  now: string,
): WorkflowError | null {
  if (command.type !== 'SIGN_OFF' || command.decision !== 'GO') return null;
  const { policy } = state;
  if (!policy.coordinatorMayApprove && actor.id === state.coordinatorId) {
    return WorkflowError.forbidden(
      "The launch's coordinator may not approve it: this launch's policy keeps the coordinator's GO out.",
    );
  }
  if (policy.distinctApprovers) {
    const other = TEAMS.find(
      (team) =>
        team !== command.team && approversOf(state, state.stage, team, now).includes(actor.id),
    );
    if (other) {
      return WorkflowError.forbidden(
        `You already approve for ${teamLabel(other)} on ${stageLabel(state.stage)}; one person approves for one team.`,
      );
    }
  }
  return null;
}

/**
 * The teams whose GO the actor is permitted to give now: who may act, the launch's stage,
 * separation of duties. Whether the team's items allow a GO is readiness's business.
 */
export function approveFor(
  actor: Actor,
  launch: LaunchSnapshot | LaunchState,
  now: string,
): Team[] {
  const state = toState(launch);
  return TEAMS.filter((team) => {
    const command: LaunchCommand = { type: 'SIGN_OFF', team, decision: 'GO' };
    return (
      authorize(actor, command, state) === null &&
      commandAllowedNow(command, state) === null &&
      approvalRefusal(actor, command, state, now) === null
    );
  });
}

/**
 * The floor of supportLeadDays: a non-admin's value below the policy's minimum is refused
 * when it also lowers the launch's current value (an admin may have set one below the
 * floor). `current` is the launch's value, or the policy's default for a new launch.
 */
export function leadDaysFloorRefusal(
  actor: Actor,
  value: number | null | undefined,
  current: number,
  minimum: number,
): WorkflowError | null {
  if (actor.role === 'ADMIN' || value === null || value === undefined) return null;
  if (value >= minimum || value >= current) return null;
  return WorkflowError.forbidden(
    `Support lead days cannot go below ${minimum} (the template's floor) except by an admin.`,
  );
}
