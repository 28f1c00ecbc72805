import { approvalsNeeded, isFinalStage } from '#checklists';
import type { Stage, Team } from '#checklists';
import type { Actor } from './actor.js';
import type { Decision, LaunchState, SignOffState, SignOffStatus } from './launch.types.js';

/*
 * Sign-offs under the launch's gate policy (POLICIES.md: sign-offs with approvals, expiry).
 * With the default policy each of them is GATES.md's rule.
 */

const DAY_MS = 86_400_000;

/** A team's ACTIVE and EXPIRED sign-offs on a stage (EXPIRED is stored as ACTIVE), oldest first. */
export function standingSignOffs(state: LaunchState, stage: Stage, team: Team): SignOffState[] {
  return state.signOffs.filter(
    (s) => s.stage === stage && s.team === team && s.status === 'ACTIVE',
  );
}

/** When a GO stops counting, or null when it never does (no goValidDays, or a NO_GO). */
export function goExpiresAt(state: LaunchState, signOff: SignOffState): string | null {
  const days = state.policy.goValidDays;
  if (days === null || signOff.decision !== 'GO') return null;
  return new Date(Date.parse(signOff.signedAt) + days * DAY_MS).toISOString();
}

/**
 * An ACTIVE GO on the current stage of a launch that is not final, at or past its expiry
 * (inclusive). GOs of earlier stages and of GA or CANCELLED launches never expire.
 */
export function isExpired(state: LaunchState, signOff: SignOffState, now: string): boolean {
  if (signOff.status !== 'ACTIVE' || signOff.stage !== state.stage) return false;
  if (isFinalStage(state.stage)) return false;
  const expiresAt = goExpiresAt(state, signOff);
  return expiresAt !== null && Date.parse(now) >= Date.parse(expiresAt);
}

/** The status a reader sees at `now`. */
export function signOffStatusAt(
  state: LaunchState,
  signOff: SignOffState,
  now: string,
): SignOffStatus {
  return isExpired(state, signOff, now) ? 'EXPIRED' : signOff.status;
}

/** The distinct people whose ACTIVE, unexpired GO counts for the team on the stage. */
export function approversOf(state: LaunchState, stage: Stage, team: Team, now: string): string[] {
  const people = standingSignOffs(state, stage, team)
    .filter((s) => s.decision === 'GO' && !isExpired(state, s, now))
    .map((s) => s.signedById);
  return [...new Set(people)];
}

export function approvalsNeededOf(state: LaunchState, stage: Stage, team: Team): number {
  return approvalsNeeded(state.policy, team, stage);
}

/**
 * What a new sign-off by `actor` for `team` on the current stage supersedes. A NO_GO: every
 * standing sign-off of the team. A GO: the team's standing NO_GO, the signer's own earlier
 * standing sign-off, then the oldest standing GOs beyond what the team needs. With
 * approvals 1 that is the team's one standing sign-off, as GATES.md says.
 */
export function supersededBySignOff(
  state: LaunchState,
  actor: Actor,
  team: Team,
  decision: Decision,
): string[] {
  const standing = standingSignOffs(state, state.stage, team);
  if (decision === 'NO_GO') return standing.map((s) => s.id);
  const replaced = standing.filter((s) => s.decision === 'NO_GO' || s.signedById === actor.id);
  const others = standing.filter((s) => !replaced.includes(s));
  const excess = others.length + 1 - approvalsNeededOf(state, state.stage, team);
  const oldest = excess > 0 ? others.slice(0, excess) : [];
  return standing.filter((s) => replaced.includes(s) || oldest.includes(s)).map((s) => s.id);
}
