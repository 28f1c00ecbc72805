import { stageLabel, teamLabel } from '#checklists';
import { withdrewClause } from './event-sentence.js';
import type { DomainEvent, WithdrawnGo } from './launch.events.js';

/** Whose GOs a reopened or added item withdrew; nothing for events written before it said. */
const withdrew = (withdrawn: readonly WithdrawnGo[] | undefined) =>
  withdrewClause((withdrawn ?? []).map((go) => go.team));

/** One line that tells a person what happened (chat notifications, e.g. Slack). */
export function eventSummary(
  event: DomainEvent,
  launch: { readonly name: string; readonly key: string },
  actorName: string | null,
): string {
  const who = actorName ?? 'Liftoff';
  const on = `${launch.name} (${launch.key})`;
  const quote = (text: string, max = 140) =>
    `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`.replace(/\s+/g, ' ');
  const team = event.team ? teamLabel(event.team) : '';
  const aTeam = `${/^[AEIOU]/.test(team) ? 'an' : 'a'} ${team}`;
  switch (event.type) {
    case 'CREATED':
      return `${who} created ${on}.`;
    case 'UPDATED':
      return `${who} changed ${Object.keys(event.data.changes).join(', ')} of ${on}.`;
    case 'ITEM_ADDED':
      return `${who} added ${quote(event.data.item.title)} to ${teamLabel(event.data.item.team)}'s ${stageLabel(event.data.item.stage)} checklist of ${on}${withdrew(event.data.withdrawn)}.`;
    case 'ITEM_COMPLETED':
      return `${who} completed ${aTeam} item of ${on}.`;
    case 'ITEM_REOPENED':
      return `${who} reopened ${aTeam} item of ${on}: ${quote(event.data.reason)}${withdrew(event.data.withdrawn)}.`;
    case 'ITEM_WAIVED':
      return `${who} waived ${aTeam} item of ${on}: ${quote(event.data.reason)}.`;
    case 'SIGNED_GO':
      return `${team} signed GO on ${stageLabel(event.stage)} of ${on}${event.data.override ? ` (override by ${who})` : ''}.`;
    case 'SIGNED_NO_GO':
      return `${team} blocked ${stageLabel(event.stage)} of ${on} (NO_GO by ${who}): ${quote(event.data.comment)}.`;
    case 'ADVANCED':
      return `${on} advanced from ${stageLabel(event.data.from)} to ${stageLabel(event.data.to)}.`;
    case 'CANCELLED':
      return `${who} cancelled ${on}: ${quote(event.data.reason)}.`;
    case 'EARLY_ACCESS_GRANTED':
      return `${who} granted support early access to ${on}.`;
    case 'COMMENTED':
      return `${who} commented on ${on}: ${quote(event.data.body)}.`;
    case 'BLOCK_ESCALATED':
      return `Escalation ${event.data.level}: ${teamLabel(event.data.team)}'s NO_GO on ${on} has had no response from another team.`;
    case 'AT_RISK':
      return `${on} is at risk: ${event.data.daysLeft} day${event.data.daysLeft === 1 ? '' : 's'} to the target GA date, still in ${stageLabel(event.stage)}.`;
    case 'SUPPORT_HEADS_UP':
      return `Support heads-up: ${on} is now in ${stageLabel(event.data.stage)}.`;
    case 'OUTCOME_MEASURED': {
      const d = event.data;
      return `${on}: ${d.ticketsAfter} support ticket${d.ticketsAfter === 1 ? '' : 's'} in the ${d.windowDays} days after GA (${d.ticketsBefore} in the ${d.windowDays} days before; ${d.allTicketsAfter} and ${d.allTicketsBefore} across the organization).`;
    }
    case 'SIGN_OFF_EXPIRED':
      return `${teamLabel(event.data.team)}'s GO on ${stageLabel(event.data.stage)} of ${on} expired; it must be signed again.`;
  }
}
