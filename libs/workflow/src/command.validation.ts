import { isGatedStage, isTeam } from '#checklists';
import type { LaunchCommand } from './launch.commands.js';
import { LAUNCH_COMMAND_TYPES } from './launch.commands.js';
import { DECISIONS } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const LIMITS = {
  name: 200,
  title: 200,
  description: 10_000,
  text: 5_000,
  url: 2_048,
  /** A launches search (filter.search): a substring, not a document. */
  search: 200,
  supportLeadDays: { min: 0, max: 90 },
  blockResponseHours: { min: 0.001, max: 720 },
} as const;

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

// Unicode White_Space and Cf (format: zero-width spaces and joiners, bidi marks...): text
// made only of these shows nothing, so it is empty (GATES.md).
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cf}]*$/u;
// With the u flag a lone surrogate is a code point of its own, category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Empty, absent, or only whitespace and invisible format characters: "not given". */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || INVISIBLE_ONLY.test(value);
}

function bad(field: string, message: string): never {
  throw WorkflowError.badInput(field, message);
}

function checkText(field: string, value: unknown, max: number, what: string, required: boolean) {
  if (typeof value !== 'string') return bad(field, `${what} must be text.`);
  if (required && isBlank(value)) bad(field, `${what} must not be empty.`);
  if (value.length > max) bad(field, `${what} must be at most ${max} characters long.`);
  // The API refuses these at its edge too; the rules do not rely on it.
  if (LONE_SURROGATE.test(value)) bad(field, `${what} is not valid Unicode text.`);
}

function requireText(field: string, value: unknown, max: number, what: string): void {
  checkText(field, value, max, what, true);
}

function optionalText(field: string, value: unknown, max: number, what: string): void {
  if (value === null || value === undefined) return;
  checkText(field, value, max, what, false);
}

function optionalUrl(field: string, value: unknown, what: string): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string') bad(field, `${what} must be a URL.`);
  if (isBlank(value)) return;
  if (value.length > LIMITS.url)
    bad(field, `${what} must be at most ${LIMITS.url} characters long.`);
  let protocol: string;
  try {
    protocol = new URL(value.trim()).protocol;
  } catch {
    return bad(field, `${what} must be an absolute http or https URL.`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    bad(field, `${what} must use http or https.`);
  }
}

function targetDate(value: unknown, now: string): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    bad('targetGaDate', 'The target GA date must be an ISO 8601 date-time.');
  }
  if (Date.parse(value) < Date.parse(now)) {
    bad('targetGaDate', 'The target GA date must not be in the past.');
  }
}

function leadDays(value: unknown): void {
  if (value === null || value === undefined) return;
  const { min, max } = LIMITS.supportLeadDays;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    bad('supportLeadDays', `Support lead days must be a whole number from ${min} to ${max}.`);
  }
}

function responseHours(value: unknown): void {
  if (value === null || value === undefined) return;
  const { min, max } = LIMITS.blockResponseHours;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    bad('blockResponseHours', `Block response hours must be a number from ${min} to ${max}.`);
  }
}

/**
 * The pure input checks of a command (BAD_USER_INPUT, naming the field): everything that
 * can be judged without loading the launch, so the API may run it first. decide() runs it
 * too. `now` is the request time (a target GA date must not be in the past).
 */
export function validateCommand(command: LaunchCommand, now: string): void {
  if (Number.isNaN(Date.parse(now))) {
    throw WorkflowError.internal(`validateCommand needs an ISO time, got "${now}".`);
  }
  if (!command || !(LAUNCH_COMMAND_TYPES as readonly string[]).includes(command.type)) {
    bad('type', 'Unknown command.');
  }
  switch (command.type) {
    case 'CREATE':
      if (typeof command.id !== 'string' || command.id.length === 0) {
        bad('id', 'A new launch needs an id.');
      }
      if (typeof command.key !== 'string' || !KEY_PATTERN.test(command.key)) {
        bad(
          'key',
          'The key must be 2 to 63 characters of lowercase letters, digits and hyphens, starting with a letter or digit.',
        );
      }
      requireText('name', command.name, LIMITS.name, 'The name');
      optionalText('description', command.description, LIMITS.description, 'The description');
      targetDate(command.targetGaDate, now);
      leadDays(command.supportLeadDays);
      responseHours(command.blockResponseHours);
      // Whether the template exists is the store's to say (decide() judges it).
      if (
        command.template !== null &&
        command.template !== undefined &&
        typeof command.template !== 'string'
      ) {
        bad('template', 'The template must be named.');
      }
      if (
        command.templateVersion !== null &&
        command.templateVersion !== undefined &&
        (!Number.isInteger(command.templateVersion) || command.templateVersion < 1)
      ) {
        bad('templateVersion', 'The template version must be a whole number from 1.');
      }
      return;
    case 'UPDATE': {
      const c = command.changes;
      if (!c || typeof c !== 'object') bad('changes', 'Say what to change.');
      if (c.name !== null && c.name !== undefined) {
        requireText('name', c.name, LIMITS.name, 'The name');
      }
      optionalText('description', c.description, LIMITS.description, 'The description');
      targetDate(c.targetGaDate, now);
      leadDays(c.supportLeadDays);
      responseHours(c.blockResponseHours);
      return;
    }
    case 'ADD_ITEM':
      if (!isGatedStage(command.stage)) {
        bad(
          'stage',
          'Items can only be added to a stage that is not final (PLANNING to SUPPORT_TRAINED).',
        );
      }
      if (!isTeam(command.team)) bad('team', 'The team must be PRODUCT, ENGINEERING or SUPPORT.');
      requireText('title', command.title, LIMITS.title, 'The title');
      optionalText('description', command.description, LIMITS.description, 'The description');
      if (
        command.required !== null &&
        command.required !== undefined &&
        typeof command.required !== 'boolean'
      ) {
        bad('required', 'Required must be true or false.');
      }
      return;
    case 'COMPLETE_ITEM':
      optionalUrl('evidenceUrl', command.evidenceUrl, 'The evidence URL');
      optionalText('note', command.note, LIMITS.text, 'The note');
      return;
    case 'REOPEN_ITEM':
    case 'WAIVE_ITEM':
      requireText('reason', command.reason, LIMITS.text, 'The reason');
      return;
    case 'SIGN_OFF':
      if (!isTeam(command.team)) bad('team', 'The team must be PRODUCT, ENGINEERING or SUPPORT.');
      if (!(DECISIONS as readonly string[]).includes(command.decision)) {
        bad('decision', 'The decision must be GO or NO_GO.');
      }
      if (command.decision === 'NO_GO') {
        requireText('comment', command.comment, LIMITS.text, 'A NO_GO comment');
      } else {
        optionalText('comment', command.comment, LIMITS.text, 'The comment');
      }
      return;
    case 'ADVANCE':
      if (command.freezeOverrideReason !== null && command.freezeOverrideReason !== undefined) {
        requireText(
          'freezeOverrideReason',
          command.freezeOverrideReason,
          LIMITS.text,
          'The reason for advancing through a freeze',
        );
      }
      return;
    case 'CANCEL':
      requireText('reason', command.reason, LIMITS.text, 'The reason');
      return;
    case 'GRANT_EARLY_ACCESS':
      optionalUrl('url', command.url, 'The early access URL');
      optionalText('notes', command.notes, LIMITS.text, 'The notes');
      return;
    case 'COMMENT':
      requireText('body', command.body, LIMITS.text, 'The comment');
      if (
        command.replyToEventId !== null &&
        command.replyToEventId !== undefined &&
        typeof command.replyToEventId !== 'string'
      ) {
        bad('replyToEventId', 'replyToEventId must be an event id.');
      }
      return;
  }
}
