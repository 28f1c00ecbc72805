import type { Stage, Team } from './stages.js';

/** How many distinct people of `team` must say GO on `stage` (null: every stage). */
export interface TeamApprovals {
  readonly team: Team;
  readonly stage: Stage | null;
  readonly approvals: number;
}

/** What an organization decides for the gates of launches from one template (POLICIES.md). */
export interface GatePolicy {
  /** Listed exactly as given; [] means 1 for every team and stage. */
  readonly approvals: readonly TeamApprovals[];
  /** A GO is EXPIRED from signedAt + goValidDays days on; null: never. */
  readonly goValidDays: number | null;
  /** One person counts as an approver for at most one team per stage. */
  readonly distinctApprovers: boolean;
  /** False: the launch's coordinator may not sign GO for any team on it. */
  readonly coordinatorMayApprove: boolean;
  readonly supportLeadDays: number;
  /** The floor of a launch's supportLeadDays that only an ADMIN goes below. */
  readonly minSupportLeadDays: number;
  readonly blockResponseHours: number;
}

/** With this policy every rule of GATES.md holds exactly as before. */
export const DEFAULT_GATE_POLICY: GatePolicy = {
  approvals: [],
  goValidDays: null,
  distinctApprovers: false,
  coordinatorMayApprove: true,
  supportLeadDays: 5,
  minSupportLeadDays: 0,
  blockResponseHours: 24,
};

export const POLICY_LIMITS = {
  approvals: { min: 1, max: 10 },
  goValidDays: { min: 1, max: 365 },
  supportLeadDays: { min: 0, max: 90 },
  blockResponseHours: { min: 0.001, max: 720 },
} as const;

/** The entry naming the stage wins over the one for every stage; none: 1. */
export function approvalsNeeded(policy: GatePolicy, team: Team, stage: Stage): number {
  const own = policy.approvals.find((a) => a.team === team && a.stage === stage);
  const every = policy.approvals.find((a) => a.team === team && a.stage === null);
  return own?.approvals ?? every?.approvals ?? 1;
}
