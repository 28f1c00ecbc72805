export const ITEM_STATUSES = ['OPEN', 'DONE', 'WAIVED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_ACTIONS = ['COMPLETE', 'WAIVE', 'REOPEN'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export interface ItemTransitionRule {
  readonly action: ItemAction;
  readonly from: readonly ItemStatus[];
  readonly to: ItemStatus;
  /** Waiving and reopening change what the gate sees without doing the work: say why. */
  readonly reasonRequired: boolean;
}

/** The item state machine as data: the only moves an item can make. */
export const ITEM_TRANSITIONS: readonly ItemTransitionRule[] = [
  { action: 'COMPLETE', from: ['OPEN'], to: 'DONE', reasonRequired: false },
  { action: 'WAIVE', from: ['OPEN'], to: 'WAIVED', reasonRequired: true },
  { action: 'REOPEN', from: ['DONE', 'WAIVED'], to: 'OPEN', reasonRequired: true },
];

function ruleFor(action: ItemAction): ItemTransitionRule {
  const rule = ITEM_TRANSITIONS.find((r) => r.action === action);
  // The table above covers every ItemAction; this only guards edits of it.
  if (!rule) throw new TypeError(`No item transition rule for ${action}`);
  return rule;
}

/** The status an item moves to, or null when the action is not allowed from `from`. */
export function itemTransition(from: ItemStatus, action: ItemAction): ItemStatus | null {
  const rule = ruleFor(action);
  return rule.from.includes(from) ? rule.to : null;
}

export function canTransitionItem(from: ItemStatus, action: ItemAction): boolean {
  return itemTransition(from, action) !== null;
}

export function itemActionNeedsReason(action: ItemAction): boolean {
  return ruleFor(action).reasonRequired;
}

/** DONE and WAIVED both satisfy a gate. */
export function isItemClosed(status: ItemStatus): boolean {
  return status !== 'OPEN';
}
