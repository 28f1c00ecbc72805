import { humanDay } from './human-time.js';
import { stageLabel, teamLabel, type Team } from '#checklists';
import type { DomainEvent, LaunchChanges } from './launch.events.js';

/** An event of a launch's history with the name of whoever did it (null: Liftoff itself). */
export type NamedEvent = DomainEvent & { readonly id: string; readonly actorName: string | null };

const FIELD_LABELS: Record<keyof LaunchChanges, string> = {
  name: 'the name',
  description: 'the description',
  targetGaDate: 'the target GA date',
  supportLeadDays: 'support lead days',
  blockResponseHours: 'block response hours',
};

type LaunchFields = Required<LaunchChanges>;

const quote = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

function fieldValue(field: keyof LaunchChanges, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'targetGaDate') return humanDay(String(value));
  if (field === 'name' || field === 'description') return quote(String(value), 80);
  return String(value);
}

function teamList(teams: readonly Team[]): string {
  const labels = [...new Set(teams)].map(teamLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}

/**
 * "; this withdrew the GOs of Product and Support", from the teams of the GOs a checklist
 * change superseded (one entry per GO); empty when it withdrew none.
 */
export function withdrewClause(teams: readonly Team[]): string {
  if (teams.length === 0) return '';
  return `; this withdrew the GO${teams.length === 1 ? '' : 's'} of ${teamList(teams)}`;
}

/**
 * One sentence per event of a launch's history, in the launch's own context (the audit trail
 * and live notices of its page): item titles instead of ids, old and new values of an edit,
 * and whose GOs a reopened or added item withdrew. It folds the history, so it needs all
 * events from CREATED on, in sequence order; the answer maps event id to sentence.
 */
export function describeHistory(events: readonly NamedEvent[]): Map<string, string> {
  const titles = new Map<string, string>();
  const signOffTeams = new Map<string, Team>();
  const authors = new Map<string, string>();
  let fields: LaunchFields | null = null;
  const sentences = new Map<string, string>();
  const withdrawn = (ids: readonly string[]) =>
    withdrewClause(
      ids.flatMap((id) => {
        const team = signOffTeams.get(id);
        return team ? [team] : [];
      }),
    );
  const item = (id: string) => quote(titles.get(id) ?? 'an item', 120);

  for (const event of events) {
    const who = event.actorName ?? 'Liftoff';
    if (event.actorName) authors.set(event.id, event.actorName);
    let sentence: string;
    switch (event.type) {
      case 'CREATED': {
        const d = event.data;
        fields = {
          name: d.name,
          description: d.description,
          targetGaDate: d.targetGaDate,
          supportLeadDays: d.supportLeadDays,
          blockResponseHours: d.blockResponseHours,
        };
        for (const i of d.items) titles.set(i.id, i.title);
        sentence = `${who} created the launch with the ${d.template} checklist (${d.items.length} items).`;
        break;
      }
      case 'UPDATED': {
        const changes = event.data.changes;
        const parts = (Object.keys(changes) as (keyof LaunchChanges)[]).map((field) => {
          const after = changes[field];
          const before = fields ? fields[field] : undefined;
          return fields
            ? `${FIELD_LABELS[field]} ${fieldValue(field, before)} → ${fieldValue(field, after)}`
            : `${FIELD_LABELS[field]} to ${fieldValue(field, after)}`;
        });
        if (fields) fields = { ...fields, ...changes } as LaunchFields;
        sentence = `${who} changed ${parts.join(', ')}.`;
        break;
      }
      case 'ITEM_ADDED': {
        const i = event.data.item;
        titles.set(i.id, i.title);
        sentence = `${who} added ${item(i.id)} to ${teamLabel(i.team)}'s ${stageLabel(i.stage)} checklist${i.required ? '' : ' (optional)'}${withdrawn(event.data.supersededSignOffIds)}.`;
        break;
      }
      case 'ITEM_COMPLETED':
        sentence = `${who} completed ${item(event.data.itemId)}${event.data.note ? `: ${quote(event.data.note)}` : ''}.`;
        break;
      case 'ITEM_REOPENED':
        sentence = `${who} reopened ${item(event.data.itemId)}: ${quote(event.data.reason)}${withdrawn(event.data.supersededSignOffIds)}.`;
        break;
      case 'ITEM_WAIVED':
        sentence = `${who} waived ${item(event.data.itemId)}: ${quote(event.data.reason)}.`;
        break;
      case 'SIGNED_GO': {
        const team = event.team ? teamLabel(event.team) : 'a team';
        if (event.team) signOffTeams.set(event.data.signOffId, event.team);
        const how = event.data.override ? ` (an admin override of ${team}'s NO_GO)` : '';
        sentence = `${who} signed GO for ${team} on ${stageLabel(event.stage)}${how}${event.data.comment ? `: ${quote(event.data.comment)}` : ''}.`;
        break;
      }
      case 'SIGNED_NO_GO':
        if (event.team) signOffTeams.set(event.data.signOffId, event.team);
        sentence = `${who} blocked ${stageLabel(event.stage)}${event.team ? ` for ${teamLabel(event.team)}` : ''}: ${quote(event.data.comment)}.`;
        break;
      case 'ADVANCED': {
        const override = event.data.freezeOverride;
        const through = override
          ? ` through the freeze ${override.windowNames.map((name) => quote(name, 80)).join(' and ')}: ${quote(override.reason)}`
          : '';
        sentence = `${who} advanced the launch from ${stageLabel(event.data.from)} to ${stageLabel(event.data.to)}${through}.`;
        break;
      }
      case 'CANCELLED':
        sentence = `${who} cancelled the launch in ${stageLabel(event.data.from)}: ${quote(event.data.reason)}.`;
        break;
      case 'EARLY_ACCESS_GRANTED':
        sentence = `${who} granted support early access${event.data.url ? ` at ${event.data.url}` : ''}.`;
        break;
      case 'COMMENTED': {
        const to = event.data.replyToEventId ? authors.get(event.data.replyToEventId) : undefined;
        const answering = event.data.respondsTo
          .map((id) => signOffTeams.get(id))
          .filter((t): t is Team => t !== undefined);
        const verb = event.data.replyToEventId ? `replied${to ? ` to ${to}` : ''}` : 'commented';
        const about =
          answering.length > 0 ? ` (answering the block of ${teamList(answering)})` : '';
        sentence = `${who} ${verb}${about}: ${quote(event.data.body)}.`;
        break;
      }
      case 'BLOCK_ESCALATED':
        sentence = `${teamLabel(event.data.team)}'s NO_GO was escalated (level ${event.data.level}): no other team has answered it.`;
        break;
      case 'AT_RISK':
        sentence = `The launch is at risk: ${event.data.daysLeft} day${event.data.daysLeft === 1 ? '' : 's'} to the target GA date (${humanDay(event.data.targetGaDate)}), still in ${stageLabel(event.stage)}.`;
        break;
      case 'SUPPORT_HEADS_UP':
        sentence = `Support was told the launch is now in ${stageLabel(event.data.stage)}.`;
        break;
      case 'SIGN_OFF_EXPIRED':
        sentence = `${teamLabel(event.data.team)}'s GO on ${stageLabel(event.data.stage)} of ${humanDay(event.data.signedAt)} expired; it must be signed again.`;
        break;
      case 'OUTCOME_MEASURED': {
        const d = event.data;
        sentence = `${d.ticketsAfter} support ticket${d.ticketsAfter === 1 ? '' : 's'} in the ${d.windowDays} days after GA (${d.ticketsBefore} in the ${d.windowDays} days before).`;
        break;
      }
    }
    // A quote that ends its own sentence needs no second full stop.
    sentences.set(event.id, sentence.replace(/([.!?…])”\.$/, '$1”'));
  }
  return sentences;
}
