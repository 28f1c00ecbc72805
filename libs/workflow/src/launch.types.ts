import type { GatePolicy, ItemStatus, Stage, Team } from '#checklists';

export const DECISIONS = ['GO', 'NO_GO'] as const;
export type Decision = (typeof DECISIONS)[number];

/** EXPIRED is never stored: it is an ACTIVE GO past goValidDays at the moment asked. */
export const SIGN_OFF_STATUSES = ['ACTIVE', 'SUPERSEDED', 'EXPIRED'] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];
export type StoredSignOffStatus = Exclude<SignOffStatus, 'EXPIRED'>;

export interface ChecklistItemState {
  readonly id: string;
  readonly stage: Stage;
  readonly team: Team;
  readonly title: string;
  readonly description: string | null;
  readonly required: boolean;
  readonly status: ItemStatus;
  readonly evidenceUrl: string | null;
  /** The completion note; for a WAIVED item, the waiver's reason. */
  readonly note: string | null;
  /** Who closed it (DONE or WAIVED) and when; null while OPEN. */
  readonly completedById: string | null;
  readonly completedAt: string | null;
  readonly position: number;
}

export interface SignOffState {
  readonly id: string;
  readonly stage: Stage;
  readonly team: Team;
  readonly decision: Decision;
  readonly comment: string | null;
  readonly signedById: string;
  readonly signedAt: string;
  readonly status: StoredSignOffStatus;
  /** An ADMIN outside the team lifted the team's NO_GO with this GO. */
  readonly override: boolean;
}

export interface EarlyAccessState {
  readonly grantedAt: string;
  readonly grantedById: string;
  readonly url: string | null;
  readonly notes: string | null;
}

/**
 * A launch as plain JSON (the XState context). Dates are ISO strings. Items are kept
 * in `position` order and sign-offs in signing order. The version lives in the API
 * (= number of events), not here. It is the current state only: `signOffs` holds the
 * standing (ACTIVE) sign-offs; superseded ones are in the events (signOffHistory).
 */
export interface LaunchState {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly stage: Stage;
  readonly coordinatorId: string;
  readonly targetGaDate: string | null;
  readonly supportLeadDays: number;
  readonly blockResponseHours: number;
  readonly template: string;
  /** The version of the template the launch was created from. */
  readonly templateVersion: number;
  /** The template's gate policy, copied at creation. */
  readonly policy: GatePolicy;
  readonly createdAt: string;
  /** The `at` of the latest event, whatever its type. */
  readonly updatedAt: string;
  readonly earlyAccess: EarlyAccessState | null;
  readonly items: readonly ChecklistItemState[];
  readonly signOffs: readonly SignOffState[];
}

export const REQUIREMENT_KINDS = [
  'CHECKLIST_ITEM',
  'SIGN_OFF',
  'BLOCKED_BY_TEAM',
  'SUPPORT_LEAD_TIME',
  'LAUNCH_FIELD',
  'SIGN_OFF_EXPIRED',
  'FREEZE_WINDOW',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** One unmet rule of a gate: whose move it is and what to do, in one sentence. */
export interface Requirement {
  readonly kind: RequirementKind;
  readonly team: Team | null;
  readonly message: string;
  readonly itemId: string | null;
}

export interface TeamReadiness {
  readonly team: Team;
  readonly requiredItems: number;
  readonly doneItems: number;
  /** The team's latest standing sign-off on the stage, if any. */
  readonly decision: Decision | null;
  readonly signOffId: string | null;
  /** Distinct people whose GO the team needs on the stage. */
  readonly approvalsNeeded: number;
  /** Distinct people with an ACTIVE (not expired) GO for the team on the stage. */
  readonly approvals: number;
  /** Every standing (ACTIVE or EXPIRED) sign-off of the team on the stage, oldest first. */
  readonly signOffIds: readonly string[];
}

export interface StageReadiness {
  readonly stage: Stage;
  readonly requiredItems: number;
  readonly doneItems: number;
  readonly teams: readonly TeamReadiness[];
}

export interface Readiness {
  readonly stage: Stage;
  readonly nextStage: Stage | null;
  readonly canAdvance: boolean;
  readonly blocked: boolean;
  readonly score: number;
  readonly missing: readonly Requirement[];
  readonly stages: readonly StageReadiness[];
}

/** What the caller's role and teams allow on a launch in its current stage (not whether the gate is met). */
export interface LaunchPermissions {
  readonly advance: boolean;
  readonly cancel: boolean;
  readonly update: boolean;
  readonly addItem: boolean;
  readonly grantEarlyAccess: boolean;
  readonly comment: boolean;
  readonly signFor: readonly Team[];
  readonly completeFor: readonly Team[];
  readonly reopenFor: readonly Team[];
  readonly waive: boolean;
  /** May advance through the freeze windows of the next stage with a reason (break-glass). */
  readonly overrideFreeze: boolean;
}
