import { describeHistory, type NamedEvent } from './event-sentence.js';
import {
  act,
  coordinator,
  createdLaunch,
  item,
  member,
  signGo,
  completeRequired,
  type TestLaunch,
} from './test-helpers.js';

const NAMES: Record<string, string> = {
  'u-coord': 'Cora Coordinator',
  'u-support': 'Sam Support',
  'u-engineering': 'Eli Engineering',
  'u-product': 'Priya Product',
};

function sentences(launch: TestLaunch): string[] {
  const named: NamedEvent[] = launch.events.map((event, index) => ({
    ...event,
    id: `e${index + 1}`,
    actorName: event.actorId ? (NAMES[event.actorId] ?? null) : null,
  }));
  const described = describeHistory(named);
  return named.map((e) => described.get(e.id) ?? '');
}

describe('audit trail sentences', () => {
  it('name people, item titles, old and new values, and the GOs a reopen withdrew', () => {
    let l = createdLaunch({ supportLeadDays: 5 });
    l = act(l, coordinator, { type: 'UPDATE', changes: { supportLeadDays: 0 } });
    l = signGo(completeRequired(l));
    const done = item(l, { stage: 'PLANNING', team: 'PRODUCT', required: true });
    l = act(l, member('PRODUCT'), {
      type: 'REOPEN_ITEM',
      itemId: done.id,
      reason: 'Scope changed',
    });
    l = act(l, member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Macros   missing',
    });
    l = act(l, member('ENGINEERING'), { type: 'COMMENT', body: 'Writing them today' });

    const lines = sentences(l);
    expect(lines[0]).toMatch(/^Cora Coordinator created the launch with the lite checklist/);
    expect(lines[1]).toBe('Cora Coordinator changed support lead days 5 → 0.');
    expect(lines).toContain(
      `Priya Product reopened “${done.title}”: “Scope changed”; this withdrew the GOs of Product, Engineering and Support.`,
    );
    expect(lines).toContain('Sam Support blocked Planning for Support: “Macros missing”.');
    expect(lines.at(-1)).toBe(
      'Eli Engineering commented (answering the block of Support): “Writing them today”.',
    );
    expect(lines.filter((line) => line.includes('id-'))).toEqual([]);
  });

  it('says who a reply answers, and what the timers raised', () => {
    let l = createdLaunch();
    l = act(l, member('SUPPORT'), { type: 'COMMENT', body: 'Who writes the macros?' });
    l = act(l, member('ENGINEERING'), { type: 'COMMENT', body: 'We do', replyToEventId: 'e2' });
    expect(sentences(l).at(-1)).toBe('Eli Engineering replied to Sam Support: “We do”.');
    l = act(l, member('PRODUCT'), { type: 'COMMENT', body: 'Thanks!' });
    expect(sentences(l).at(-1)).toBe('Priya Product commented: “Thanks!”');
  });
});
