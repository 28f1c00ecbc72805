import { registerEnumType } from '@nestjs/graphql';
import {
  DECISIONS,
  ITEM_STATUSES,
  REQUIREMENT_KINDS,
  ROLES,
  SIGN_OFF_STATUSES,
  STAGES,
  TEAMS,
  TOKEN_SCOPES,
} from '#workflow';

/** GraphQL enums made from the workflow's own lists, so the schema cannot drift from the rules. */
function graphqlEnum<T extends string>(values: readonly T[], name: string, description: string) {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const TeamEnum = graphqlEnum(
  TEAMS,
  'Team',
  'The three teams that work a gate and sign it off.',
);
export const StageEnum = graphqlEnum(
  STAGES,
  'Stage',
  'PLANNING -> ALPHA -> BETA -> DOCS_READY -> SUPPORT_TRAINED -> GA; any non-final stage -> CANCELLED. GA and CANCELLED are final.',
);
export const RoleEnum = graphqlEnum(
  ROLES,
  'Role',
  'ADMIN manages users and may override; COORDINATOR runs launches; MEMBER acts for its teams; VIEWER only reads.',
);
export const DecisionEnum = graphqlEnum(
  DECISIONS,
  'Decision',
  'A team sign-off: GO, or NO_GO (blocks the gate).',
);
export const ItemStatusEnum = graphqlEnum(
  ITEM_STATUSES,
  'ItemStatus',
  'OPEN until DONE (by its team) or WAIVED (by a coordinator).',
);
export const SignOffStatusEnum = graphqlEnum(
  SIGN_OFF_STATUSES,
  'SignOffStatus',
  "ACTIVE counts for the gate; SUPERSEDED was replaced by the team's later sign-off or (GO only) by a reopened or added required item.",
);
export const RequirementKindEnum = graphqlEnum(
  REQUIREMENT_KINDS,
  'RequirementKind',
  'CHECKLIST_ITEM: a required item is OPEN; SIGN_OFF: a team has no ACTIVE sign-off; BLOCKED_BY_TEAM: a NO_GO stands; SUPPORT_LEAD_TIME: support early access too recent or missing; LAUNCH_FIELD: the launch lacks a field the gate needs.',
);
export const TokenScopeEnum = graphqlEnum(
  TOKEN_SCOPES,
  'TokenScope',
  'What a token may change: COMMENT (addComment), ITEMS (complete and reopen items), SIGN_OFF (signOff), TICKETS (recordSupportTickets), MANAGE (every other mutation). Reading needs no scope; READ names a token that only reads.',
);
export const IdentitySourceEnum = graphqlEnum(
  ['LOCAL', 'OIDC'] as const,
  'IdentitySource',
  'Where a user comes from: LOCAL (created here) or OIDC (created or linked by a single sign-on).',
);
