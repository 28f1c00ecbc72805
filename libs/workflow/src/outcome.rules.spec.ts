import { applyEvent } from './launch.snapshot.js';
import {
  BASELINE_COHORT,
  checkWindowDays,
  compareCohorts,
  dailySeries,
  gaReachedAt,
  isOutcomeComplete,
  launchKeysOf,
  normalizeBaselineBatch,
  normalizeTicketBatch,
  outcomeMeasureDueAt,
  outcomeMeasuredEvent,
  outcomeRefusal,
  outcomeWindow,
  reportRange,
  unknownLaunchKeys,
  type TicketInput,
} from './outcome.rules.js';
import {
  DAY_MS,
  admin,
  coordinator,
  launchAt,
  later,
  member,
  state,
  viewer,
} from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

const NOW = '2030-03-01T12:00:00.000Z';

function codeOf(run: () => unknown): { code: string; field?: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    return { code: error.code, field: error.field, message: error.message };
  }
}

describe('who may record and read outcomes', () => {
  it('coordinators and admins record tickets and baseline launches; everyone reads', () => {
    for (const type of ['RECORD_SUPPORT_TICKETS', 'RECORD_BASELINE_LAUNCHES'] as const) {
      expect(outcomeRefusal(admin, { type })).toBeNull();
      expect(outcomeRefusal(coordinator, { type })).toBeNull();
      expect(outcomeRefusal(member('SUPPORT'), { type })).toMatch(/coordinator or an admin/);
      expect(outcomeRefusal(viewer, { type })).toMatch(/coordinator or an admin/);
    }
    expect(outcomeRefusal(viewer, { type: 'READ_OUTCOMES' })).toBeNull();
  });

  it('a scoped token needs TICKETS to record tickets and MANAGE for baseline launches', () => {
    const tickets = { type: 'RECORD_SUPPORT_TICKETS' } as const;
    const baseline = { type: 'RECORD_BASELINE_LAUNCHES' } as const;
    const limited = (
      actor: typeof admin,
      scopes: ('TICKETS' | 'MANAGE')[] | null,
      launchIds: string[] | null = null,
    ) => ({
      ...actor,
      limits: { tokenId: 't', scopes, teams: null, launchIds, expiresAt: null },
    });
    expect(outcomeRefusal(limited(admin, ['TICKETS']), tickets)).toBeNull();
    expect(outcomeRefusal(limited(admin, ['MANAGE']), tickets)).toMatch(/TICKETS scope/);
    expect(outcomeRefusal(limited(admin, ['TICKETS']), baseline)).toMatch(/MANAGE scope/);
    expect(outcomeRefusal(limited(admin, null), baseline)).toBeNull();
    // The mutation names no launch: a token limited to launches never reaches it.
    expect(outcomeRefusal(limited(admin, ['TICKETS'], ['l-1']), tickets)).toMatch(
      /limited to some launches/,
    );
    // A role that may not still hears about its role first.
    expect(outcomeRefusal(limited(viewer, ['TICKETS']), tickets)).toMatch(/coordinator/);
  });
});

describe('windows around GA', () => {
  it('windowDays is a whole number 1..90', () => {
    for (const bad of [0, 91, 1.5, -3, Number.NaN]) {
      expect(codeOf(() => checkWindowDays(bad))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'windowDays',
      });
    }
    expect(codeOf(() => checkWindowDays(1))).toBeNull();
    expect(codeOf(() => checkWindowDays(90))).toBeNull();
  });

  it('before is [gaAt - w, gaAt), after [gaAt, gaAt + w), the daily series 2w + 1 whole UTC days', () => {
    const w = outcomeWindow('2030-01-15T18:30:00Z', 2);
    expect(w).toEqual({
      windowDays: 2,
      gaAt: '2030-01-15T18:30:00.000Z',
      beforeFrom: '2030-01-13T18:30:00.000Z',
      afterTo: '2030-01-17T18:30:00.000Z',
      days: ['2030-01-13', '2030-01-14', '2030-01-15', '2030-01-16', '2030-01-17'],
      dailyFrom: '2030-01-13T00:00:00.000Z',
      dailyTo: '2030-01-18T00:00:00.000Z',
    });
    expect(outcomeWindow('2030-01-15T00:00:00Z', 14).days).toHaveLength(29);
  });

  it('fills the days without tickets with 0, in day order', () => {
    const w = outcomeWindow('2030-01-15T12:00:00Z', 1);
    expect(dailySeries(w, new Map([['2030-01-16', 4]]))).toEqual([
      { day: '2030-01-14', count: 0 },
      { day: '2030-01-15', count: 0 },
      { day: '2030-01-16', count: 4 },
    ]);
  });

  it('is complete from gaAt + windowDays on, not a millisecond earlier', () => {
    const ga = '2030-01-01T00:00:00.000Z';
    expect(isOutcomeComplete(ga, 14, later(ga, 14 * DAY_MS - 1))).toBe(false);
    expect(isOutcomeComplete(ga, 14, later(ga, 14 * DAY_MS))).toBe(true);
    expect(outcomeMeasureDueAt(ga)).toBe(later(ga, 14 * DAY_MS));
  });

  it('a report range defaults to the beginning and now, and refuses from >= to', () => {
    expect(reportRange(null, null, NOW)).toEqual({ from: null, to: NOW });
    expect(reportRange('2030-01-01T00:00:00Z', undefined, NOW)).toEqual({
      from: '2030-01-01T00:00:00Z',
      to: NOW,
    });
    expect(codeOf(() => reportRange(NOW, NOW, NOW))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codeOf(() => reportRange(later(NOW, 1), null, NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
  });

  it('orders cohorts by template name, then the baseline (even one named like a template)', () => {
    const cohorts = [
      { name: BASELINE_COHORT, baseline: true },
      { name: 'standard', baseline: false },
      { name: 'lite', baseline: false },
      { name: 'baseline', baseline: false },
    ];
    expect(cohorts.sort(compareCohorts)).toEqual([
      { name: 'baseline', baseline: false },
      { name: 'lite', baseline: false },
      { name: 'standard', baseline: false },
      { name: 'baseline', baseline: true },
    ]);
  });
});

describe('OUTCOME_MEASURED', () => {
  const data = {
    windowDays: 14,
    ticketsBefore: 3,
    ticketsAfter: 1,
    allTicketsBefore: 40,
    allTicketsAfter: 38,
  };

  it('is appended to a GA launch once its window completed, and moves the version like any event', () => {
    const ga = launchAt('GA');
    const advanced = ga.events.findLast((e) => gaReachedAt(e) !== null)!;
    const gaAt = gaReachedAt(advanced)!;
    const at = later(gaAt, 14 * DAY_MS);
    const event = outcomeMeasuredEvent(state(ga), gaAt, data, at);
    expect(event).toEqual({
      type: 'OUTCOME_MEASURED',
      at,
      actorId: null,
      team: null,
      stage: 'GA',
      data,
    });
    const after = applyEvent(ga.snapshot, event);
    expect(after.context.stage).toBe('GA');
    expect(after.context.updatedAt).toBe(at);
  });

  it('is due by the timer clock and recorded at the commit time it is given', () => {
    const ga = launchAt('GA');
    const gaAt = gaReachedAt(ga.events.findLast((e) => gaReachedAt(e) !== null)!)!;
    const due = later(gaAt, 14 * DAY_MS);
    const committed = later(due, 5_000);
    expect(outcomeMeasuredEvent(state(ga), gaAt, data, due, committed).at).toBe(committed);
  });

  it('is refused before the window completes and on launches not at GA', () => {
    const ga = launchAt('GA');
    const gaAt = gaReachedAt(ga.events.findLast((e) => gaReachedAt(e) !== null)!)!;
    expect(
      codeOf(() => outcomeMeasuredEvent(state(ga), gaAt, data, later(gaAt, 14 * DAY_MS - 1))),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
    const beta = launchAt('BETA');
    expect(codeOf(() => outcomeMeasuredEvent(state(beta), gaAt, data, NOW))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    // The machine refuses it too (a guard), whatever produced it.
    const forged = {
      type: 'OUTCOME_MEASURED',
      at: NOW,
      actorId: null,
      team: null,
      stage: 'BETA',
      data,
    } as const;
    expect(() => applyEvent(beta.snapshot, forged)).toThrow();
  });

  it('only ADVANCED into GA says when a launch reached GA', () => {
    const beta = launchAt('BETA');
    expect(beta.events.map(gaReachedAt).filter(Boolean)).toEqual([]);
  });
});

describe('ticket batches', () => {
  const ticket = (over: Partial<TicketInput> = {}): TicketInput => ({
    source: 'zendesk',
    externalId: '1',
    openedAt: '2030-02-01T10:00:00Z',
    ...over,
  });

  it('normalises blanks to null and instants to ISO, last copy of a ticket winning', () => {
    const out = normalizeTicketBatch(
      [
        ticket({ externalId: 'b', launchKey: ' ', priority: '' }),
        ticket({
          externalId: 'a',
          launchKey: 'checkout',
          priority: 'high',
          url: 'https://x.test/1',
        }),
        ticket({ externalId: 'b', launchKey: 'checkout', openedAt: '2030-02-02T00:00:00+01:00' }),
      ],
      NOW,
    );
    expect(out).toEqual([
      {
        source: 'zendesk',
        externalId: 'a',
        openedAt: '2030-02-01T10:00:00.000Z',
        launchKey: 'checkout',
        priority: 'high',
        url: 'https://x.test/1',
      },
      {
        source: 'zendesk',
        externalId: 'b',
        openedAt: '2030-02-01T23:00:00.000Z',
        launchKey: 'checkout',
        priority: null,
        url: null,
      },
    ]);
    expect(launchKeysOf(out)).toEqual(['checkout']);
  });

  it.each([
    ['no tickets', [], 'tickets'],
    [
      '1,001 tickets',
      Array.from({ length: 1001 }, (_, i) => ticket({ externalId: `${i}` })),
      'tickets',
    ],
    ['a bad source', [ticket({ source: 'Zendesk!' })], 'tickets.0.source'],
    ['an empty externalId', [ticket({ externalId: '' })], 'tickets.0.externalId'],
    [
      'a 201-character externalId',
      [ticket({ externalId: 'x'.repeat(201) })],
      'tickets.0.externalId',
    ],
    [
      'a future openedAt',
      [ticket(), ticket({ externalId: '2', openedAt: later(NOW, 1) })],
      'tickets.1.openedAt',
    ],
    ['an unreadable openedAt', [ticket({ openedAt: 'yesterday' })], 'tickets.0.openedAt'],
    ['a 51-character priority', [ticket({ priority: 'p'.repeat(51) })], 'tickets.0.priority'],
    ['an ftp url', [ticket({ url: 'ftp://x.test/1' })], 'tickets.0.url'],
    ['a relative url', [ticket({ url: '/tickets/1' })], 'tickets.0.url'],
  ])('refuses %s as BAD_USER_INPUT naming the field', (_label, tickets, field) => {
    expect(codeOf(() => normalizeTicketBatch(tickets, NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('names every unknown launch key', () => {
    expect(codeOf(() => unknownLaunchKeys(['a', 'b', 'c'], new Set(['b'])))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'launchKey',
      message: 'No launch or baseline launch has the keys "a", "c"; nothing was recorded.',
    });
    expect(codeOf(() => unknownLaunchKeys(['b'], new Set(['b'])))).toBeNull();
  });
});

describe('baseline batches', () => {
  const gaAt = '2029-06-01T00:00:00Z';

  it('counts an exact repeat once and refuses a key repeated with other values (CONFLICT)', () => {
    expect(
      normalizeBaselineBatch(
        [
          { key: 'old-checkout', name: 'Old checkout', gaAt },
          { key: 'old-checkout', name: 'Old checkout', gaAt: '2029-06-01T00:00:00.000Z' },
        ],
        NOW,
      ),
    ).toEqual([{ key: 'old-checkout', name: 'Old checkout', gaAt: '2029-06-01T00:00:00.000Z' }]);
    expect(
      codeOf(() =>
        normalizeBaselineBatch(
          [
            { key: 'old-checkout', name: 'Old checkout', gaAt },
            { key: 'old-checkout', name: 'Older checkout', gaAt },
          ],
          NOW,
        ),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it.each([
    ['a bad key', { key: 'Old', name: 'x', gaAt }, 'launches.0.key'],
    ['a blank name', { key: 'old', name: '  ', gaAt }, 'launches.0.name'],
    ['a 201-character name', { key: 'old', name: 'n'.repeat(201), gaAt }, 'launches.0.name'],
    ['a future gaAt', { key: 'old', name: 'x', gaAt: later(NOW, 1) }, 'launches.0.gaAt'],
  ])('refuses %s', (_label, launch, field) => {
    expect(codeOf(() => normalizeBaselineBatch([launch], NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('refuses an empty batch and one of 1,001', () => {
    expect(codeOf(() => normalizeBaselineBatch([], NOW))).toMatchObject({ field: 'launches' });
    const many = Array.from({ length: 1001 }, (_, i) => ({ key: `old-${i}`, name: 'x', gaAt }));
    expect(codeOf(() => normalizeBaselineBatch(many, NOW))).toMatchObject({ field: 'launches' });
  });
});
