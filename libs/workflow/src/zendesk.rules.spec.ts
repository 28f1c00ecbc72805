import { WorkflowError } from './workflow.errors.js';
import { zendeskLaunchKey, zendeskTicket, zendeskTimestampRefusal } from './zendesk.rules.js';

const NOW = '2030-03-01T12:00:00.000Z';
const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    ticket_id: '4711',
    created_at: '2030-03-01T11:58Z',
    tags: 'vip launch-checkout launch-search',
    priority: 'high',
    url: 'https://acme.zendesk.com/agent/tickets/4711',
    ...over,
  });

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof WorkflowError && error.code === 'BAD_USER_INPUT') return error.message;
    throw error;
  }
}

describe('Zendesk replay window', () => {
  it('accepts a timestamp within 5 minutes either way, refuses one further or missing', () => {
    expect(zendeskTimestampRefusal(at(-5 * MINUTE), NOW)).toBeNull();
    expect(zendeskTimestampRefusal(at(5 * MINUTE), NOW)).toBeNull();
    expect(zendeskTimestampRefusal(at(-10 * MINUTE), NOW)).toMatch(/replay/);
    expect(zendeskTimestampRefusal(at(5 * MINUTE + 1), NOW)).toMatch(/replay/);
    expect(zendeskTimestampRefusal(undefined, NOW)).toMatch(/missing/);
    expect(zendeskTimestampRefusal('soon', NOW)).toMatch(/ISO 8601/);
  });
});

describe('Zendesk trigger body', () => {
  it('becomes a zendesk ticket with its launch tags in order', () => {
    expect(zendeskTicket(body(), NOW, 'launch-')).toEqual({
      ticket: {
        source: 'zendesk',
        externalId: '4711',
        openedAt: '2030-03-01T11:58:00.000Z',
        launchKey: null,
        priority: 'high',
        url: 'https://acme.zendesk.com/agent/tickets/4711',
      },
      candidateKeys: ['checkout', 'search'],
    });
    expect(zendeskTicket(body({ tags: 'rel_checkout' }), NOW, 'rel_').candidateKeys).toEqual([
      'checkout',
    ]);
  });

  it('stores a created_at up to 5 minutes ahead as now; further ahead is refused', () => {
    expect(
      zendeskTicket(body({ created_at: at(4 * MINUTE) }), NOW, 'launch-').ticket.openedAt,
    ).toBe(NOW);
    expect(
      refusal(() => zendeskTicket(body({ created_at: at(6 * MINUTE) }), NOW, 'launch-')),
    ).toMatch(/future/);
  });

  it('takes the first tag that names a launch; none: a control ticket', () => {
    expect(zendeskLaunchKey(['checkout', 'search'], new Set(['search', 'checkout']))).toBe(
      'checkout',
    );
    expect(zendeskLaunchKey(['nothing', 'search'], new Set(['search']))).toBe('search');
    expect(zendeskLaunchKey(['nothing'], new Set(['search']))).toBeNull();
  });

  it.each([
    ['not JSON', 'ticket_id=4711', /not JSON/],
    ['a JSON array', '[1]', /JSON object/],
    ['no ticket_id', body({ ticket_id: undefined }), /lacks "ticket_id"/],
    ['no created_at', body({ created_at: undefined }), /lacks "created_at"/],
    ['an unreadable created_at', body({ created_at: 'Mar 1' }), /ISO 8601/],
    ['tags that are not text', body({ tags: ['a'] }), /"tags" must be a string/],
    ['a url that is not http', body({ url: 'javascript:alert(1)' }), /http or https/],
  ])('refuses %s', (_label, raw, message) => {
    expect(refusal(() => zendeskTicket(raw, NOW, 'launch-'))).toMatch(message);
  });
});
