import { eventSummary } from './event-summary.js';
import { LAUNCH_EVENT_TYPES } from './launch.events.js';
import { act, admin, coordinator, launchAt, member, viewer } from './test-helpers.js';
import { mayManageWebhooks, webhookEventTypes } from './webhook.rules.js';
import { WorkflowError } from './workflow.errors.js';

describe('who manages webhooks', () => {
  it('any coordinator or admin manages any webhook; members and viewers none', () => {
    for (const type of ['LIST_WEBHOOKS', 'CREATE_WEBHOOK', 'DELETE_WEBHOOK'] as const) {
      expect(mayManageWebhooks(coordinator, { type })).toBe(true);
      expect(mayManageWebhooks({ ...coordinator, id: 'another' }, { type })).toBe(true);
      expect(mayManageWebhooks(admin, { type })).toBe(true);
      expect(mayManageWebhooks(member('SUPPORT'), { type })).toBe(false);
      expect(mayManageWebhooks(viewer, { type })).toBe(false);
    }
  });
});

describe('webhook event types', () => {
  const refusal = (types: string[]) => {
    try {
      webhookEventTypes(types);
    } catch (error) {
      return error as WorkflowError;
    }
    throw new Error('accepted');
  };

  it('absent means all; a list is kept in audit order without duplicates', () => {
    expect(webhookEventTypes(null)).toBeNull();
    expect(webhookEventTypes(undefined)).toBeNull();
    expect(webhookEventTypes(['AT_RISK', 'CREATED', 'AT_RISK'])).toEqual(['CREATED', 'AT_RISK']);
    expect(webhookEventTypes([...LAUNCH_EVENT_TYPES])).toEqual([...LAUNCH_EVENT_TYPES]);
  });

  it('an empty list or an unknown type is BAD_USER_INPUT on eventTypes', () => {
    expect(refusal([])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    const unknown = refusal(['CREATED', 'LAUNCHED']);
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    expect(unknown.message).toContain('"LAUNCHED"');
  });
});

describe('event summaries', () => {
  const launch = { name: 'Checkout v2', key: 'checkout-v2' };
  it('say in one line what happened, for every event type', () => {
    const l = act(
      act(launchAt('BETA'), member('SUPPORT'), {
        type: 'SIGN_OFF',
        team: 'SUPPORT',
        decision: 'NO_GO',
        comment: 'Runbook\nmissing',
      }),
      coordinator,
      { type: 'COMMENT', body: 'On it' },
    );
    for (const event of l.events) {
      const line = eventSummary(event, launch, event.actorId ? 'Ada' : null);
      expect(line).not.toContain('\n');
      expect(line).toContain('checkout-v2');
    }
    expect(eventSummary(l.events.at(-2)!, launch, 'Sam')).toBe(
      'Support blocked Beta of Checkout v2 (checkout-v2) (NO_GO by Sam): "Runbook missing".',
    );
  });
});
