import { createHmac } from 'node:crypto';
import {
  advance,
  createLaunch,
  ok,
  satisfyGate,
  type LaunchDto,
  type TeamMembers,
} from './launch-factory.js';
import type { TestApp, TestUser } from './test-app.js';

/** A launch driven through every gate to GA over the API ("lite", no lead days). */
export async function launchAtGa(
  app: TestApp,
  coordinator: TestUser,
  members: TeamMembers,
  input: Record<string, unknown> = {},
): Promise<LaunchDto> {
  const launch = await createLaunch(app, coordinator.token, {
    template: 'lite',
    supportLeadDays: 0,
    ...input,
  });
  for (let stage = 0; stage < 5; stage += 1) {
    if (stage === 4) {
      ok(
        await app.gql(
          coordinator.token,
          `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { version } }`,
          { i: { launchId: launch.id } },
        ),
      );
    }
    await satisfyGate(app, members, launch.id);
    ok(await advance(app, coordinator.token, launch.id));
  }
  return launch;
}

/** Signs exactly as Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). */
export function zendeskHeaders(
  secret: string,
  body: string,
  timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
): Record<string, string> {
  const signature = createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
  return {
    'content-type': 'application/json',
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': timestamp,
  };
}

/** The trigger body of README "Zendesk", rendered for one ticket. */
export function zendeskBody(ticket: {
  id: string;
  createdAt?: string;
  tags?: string;
  priority?: string;
}): string {
  return JSON.stringify({
    ticket_id: ticket.id,
    created_at: ticket.createdAt ?? new Date().toISOString().slice(0, 16) + 'Z',
    tags: ticket.tags ?? '',
    priority: ticket.priority ?? 'normal',
    url: `https://acme.zendesk.com/agent/tickets/${ticket.id}`,
  });
}
