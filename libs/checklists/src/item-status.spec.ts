import type { ItemAction, ItemStatus } from './item-status.js';
import { ITEM_ACTIONS, ITEM_STATUSES, canTransitionItem, itemTransition } from './item-status.js';

describe('item transitions', () => {
  const table: [ItemStatus, ItemAction, ItemStatus | null][] = [
    ['OPEN', 'COMPLETE', 'DONE'],
    ['OPEN', 'WAIVE', 'WAIVED'],
    ['OPEN', 'REOPEN', null],
    ['DONE', 'COMPLETE', null],
    ['DONE', 'WAIVE', null],
    ['DONE', 'REOPEN', 'OPEN'],
    ['WAIVED', 'COMPLETE', null],
    ['WAIVED', 'WAIVE', null],
    ['WAIVED', 'REOPEN', 'OPEN'],
  ];

  it('covers every status and action', () => {
    expect(table).toHaveLength(ITEM_STATUSES.length * ITEM_ACTIONS.length);
  });

  it.each(table)('%s --%s--> %s', (from, action, to) => {
    expect(itemTransition(from, action)).toBe(to);
    expect(canTransitionItem(from, action)).toBe(to !== null);
  });
});

describe('item transitions (pinned for mutation testing)', () => {
  it('the table, whole', () => {
    expect(
      (['OPEN', 'DONE', 'WAIVED'] as const).map((from) =>
        (['COMPLETE', 'WAIVE', 'REOPEN'] as const).map((action) => itemTransition(from, action)),
      ),
    ).toEqual([
      ['DONE', 'WAIVED', null],
      [null, null, 'OPEN'],
      [null, null, 'OPEN'],
    ]);
    expect(canTransitionItem('DONE', 'COMPLETE')).toBe(false);
    expect(canTransitionItem('WAIVED', 'REOPEN')).toBe(true);
  });
});
