import type { AddItemCommand, ReopenItemCommand } from './launch.commands.js';
import type { LaunchState, SignOffState } from './launch.types.js';
import { commandAllowedNow, findItem } from './permissions.js';
import { activeSignOffsOn } from './readiness.js';

/*
 * GATES.md: "Only two changes to the checklist of S supersede sign-offs: reopening a
 * required item of S, and adding a required item to S. Then every ACTIVE GO on S becomes
 * SUPERSEDED." decide() records what this answers, and the API serves it before the change
 * (reopenWithdraws, addItemWithdraws), so a warning and the event always name the same GOs.
 */

/** The two checklist changes that can withdraw GOs; only the fields that decide it. */
export type WithdrawingChange =
  Pick<ReopenItemCommand, 'type' | 'itemId'> | Pick<AddItemCommand, 'type' | 'stage' | 'required'>;

/** An added item is required unless it says otherwise. */
export function isRequiredAddition(command: Pick<AddItemCommand, 'required'>): boolean {
  return command.required ?? true;
}

/**
 * The GOs `change` would supersede on the launch now, in signing order: every ACTIVE GO
 * (an EXPIRED one included: it is still standing) on the stage of a required item reopened
 * or added. Never a NO_GO; nothing for an optional item, and nothing when the change is not
 * possible now (a past stage, an OPEN item, a final launch). Only the current stage has
 * sign-offs, so a later stage's change withdraws nothing yet.
 */
export function withdrawnBy(state: LaunchState, change: WithdrawingChange): SignOffState[] {
  const command =
    change.type === 'REOPEN_ITEM'
      ? { ...change, reason: '' }
      : { ...change, team: 'PRODUCT' as const, title: '' };
  // Only the launch's and the item's state matter here; the text is judged elsewhere.
  if (commandAllowedNow(command, state)) return [];
  const target =
    change.type === 'REOPEN_ITEM'
      ? findItem(state, change.itemId)
      : { stage: change.stage, required: isRequiredAddition(change) };
  if (!target?.required) return [];
  return activeSignOffsOn(state, target.stage).filter((s) => s.decision === 'GO');
}
