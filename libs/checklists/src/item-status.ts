export const ITEM_STATUSES = ['OPEN', 'DONE', 'WAIVED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_ACTIONS = ['COMPLETE', 'WAIVE', 'REOPEN'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

interface ItemTransitionRule {
  readonly action: ItemAction;
  readonly from: readonly ItemStatus[];
  readonly to: ItemStatus;
}

/** The item state machine as data: the only moves an item can make. */
const ITEM_TRANSITIONS: readonly ItemTransitionRule[] = [
  { action: 'COMPLETE', from: ['OPEN'], to: 'DONE' },
  { action: 'WAIVE', from: ['OPEN'], to: 'WAIVED' },
  { action: 'REOPEN', from: ['DONE', 'WAIVED'], to: 'OPEN' },
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

/** DONE and WAIVED both satisfy a gate. */
export function isItemClosed(status: ItemStatus): boolean {
  return status !== 'OPEN';
}
