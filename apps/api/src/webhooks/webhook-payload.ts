import { eventSummary, type DomainEvent, type LaunchState } from '#workflow';
import type { LaunchEventEntity } from '../launches/launch-event.entity.js';

export type WebhookFormat = 'JSON' | 'SLACK';

export interface PayloadActor {
  id: string;
  name: string;
  email: string;
  role: string;
  teams: string[];
}

export function launchPageUrl(publicUrl: string, key: string): string {
  return `${publicUrl}/admin/#/launches/${encodeURIComponent(key)}`;
}

/** Slack's mrkdwn needs &, < and > escaped in text. */
const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The body of one webhook message, built once in the event's transaction and stored, so
 * every attempt sends the same bytes. JSON: Standard Webhooks' { type, timestamp, data }
 * with data the event as the API shows it (actor expanded, the launch named and linked).
 * SLACK: an incoming-webhook body, one line of summary and a link to the launch page.
 */
export function webhookBody(
  format: WebhookFormat,
  event: LaunchEventEntity,
  launch: Pick<LaunchState, 'id' | 'key' | 'name'>,
  actor: PayloadActor | null,
  publicUrl: string,
): string {
  const url = launchPageUrl(publicUrl, launch.key);
  const at = event.at.toISOString();
  if (format === 'SLACK') {
    const summary = eventSummary(
      {
        type: event.type,
        at,
        actorId: event.actorId,
        team: event.team,
        stage: event.stage,
        data: event.data,
      } as DomainEvent,
      launch,
      actor?.name ?? null,
    );
    return JSON.stringify({
      text: `${slackEscape(summary)} <${url}|Open ${slackEscape(launch.key)}>`,
    });
  }
  return JSON.stringify({
    type: event.type,
    timestamp: at,
    data: {
      id: event.id,
      launchId: event.launchId,
      sequence: event.sequence,
      type: event.type,
      stage: event.stage,
      team: event.team,
      actor,
      at,
      data: event.data,
      hash: event.hash,
      launch: { id: launch.id, key: launch.key, name: launch.name, url },
    },
  });
}
