import type { Stage, Team } from '#checklists';
import type { LaunchChanges } from './launch.events.js';
import type { Decision } from './launch.types.js';

/*
 * What a person asks a launch to do. Optional inputs accept undefined or null alike
 * (GraphQL sends either); decide() turns a command into domain events.
 */

export interface CreateLaunchCommand {
  readonly type: 'CREATE';
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description?: string | null;
  readonly targetGaDate?: string | null;
  /** Default 5. */
  readonly supportLeadDays?: number | null;
  /** Default 24. */
  readonly blockResponseHours?: number | null;
  /** Default "standard". */
  readonly template?: string | null;
  /** Default: the template's latest version; an older one is for admins. */
  readonly templateVersion?: number | null;
}

/**
 * A key that is present changes that field. `description` and `targetGaDate` may be set
 * to null to clear them; null for the other fields means "not given".
 */
export interface UpdateLaunchCommand {
  readonly type: 'UPDATE';
  readonly changes: {
    readonly [K in keyof LaunchChanges]?: LaunchChanges[K] | null;
  };
}

export interface AddItemCommand {
  readonly type: 'ADD_ITEM';
  readonly stage: Stage;
  readonly team: Team;
  readonly title: string;
  readonly description?: string | null;
  /** Default true. */
  readonly required?: boolean | null;
}

export interface CompleteItemCommand {
  readonly type: 'COMPLETE_ITEM';
  readonly itemId: string;
  readonly evidenceUrl?: string | null;
  readonly note?: string | null;
}

export interface ReopenItemCommand {
  readonly type: 'REOPEN_ITEM';
  readonly itemId: string;
  readonly reason: string;
}

export interface WaiveItemCommand {
  readonly type: 'WAIVE_ITEM';
  readonly itemId: string;
  readonly reason: string;
}

export interface SignOffCommand {
  readonly type: 'SIGN_OFF';
  readonly team: Team;
  readonly decision: Decision;
  readonly comment?: string | null;
}

export interface AdvanceCommand {
  readonly type: 'ADVANCE';
  /** Break-glass (ADMIN only): advance through every freeze window of the next stage. */
  readonly freezeOverrideReason?: string | null;
}

export interface CancelCommand {
  readonly type: 'CANCEL';
  readonly reason: string;
}

export interface GrantEarlyAccessCommand {
  readonly type: 'GRANT_EARLY_ACCESS';
  readonly url?: string | null;
  readonly notes?: string | null;
}

export interface CommentCommand {
  readonly type: 'COMMENT';
  readonly body: string;
  /** The API checks that the event exists on this launch (NOT_FOUND otherwise). */
  readonly replyToEventId?: string | null;
}

export type LaunchCommand =
  | CreateLaunchCommand
  | UpdateLaunchCommand
  | AddItemCommand
  | CompleteItemCommand
  | ReopenItemCommand
  | WaiveItemCommand
  | SignOffCommand
  | AdvanceCommand
  | CancelCommand
  | GrantEarlyAccessCommand
  | CommentCommand;

export type LaunchCommandType = LaunchCommand['type'];

export const LAUNCH_COMMAND_TYPES = [
  'CREATE',
  'UPDATE',
  'ADD_ITEM',
  'COMPLETE_ITEM',
  'REOPEN_ITEM',
  'WAIVE_ITEM',
  'SIGN_OFF',
  'ADVANCE',
  'CANCEL',
  'GRANT_EARLY_ACCESS',
  'COMMENT',
] as const satisfies readonly LaunchCommandType[];

export const DEFAULT_SUPPORT_LEAD_DAYS = 5;
export const DEFAULT_BLOCK_RESPONSE_HOURS = 24;
