import { TEAMS, type Stage, type Team } from '#workflow';
import { uniqueSuffix, type GqlResponse, type TestApp, type TestUser } from './test-app.js';

export { TEAMS };
const DAY_MS = 86_400_000;

export interface LaunchDto {
  id: string;
  key: string;
  stage: Stage;
  blocked: boolean;
  version: number;
  supportLeadDays: number;
  readiness: {
    canAdvance: boolean;
    blocked: boolean;
    score: number;
    nextStage: Stage | null;
    missing: { kind: string; team: Team | null; message: string; itemId: string | null }[];
  };
  checklist: {
    id: string;
    stage: Stage;
    team: Team;
    title: string;
    required: boolean;
    status: string;
  }[];
  signOffs: {
    id: string;
    stage: Stage;
    team: Team;
    decision: string;
    status: string;
    comment: string | null;
  }[];
  earlyAccess: { grantedAt: string; leadDaysElapsed: number } | null;
}

export const LAUNCH_FIELDS = `
  id key stage blocked version supportLeadDays
  readiness { canAdvance blocked score nextStage missing { kind team message itemId } }
  checklist { id stage team title required status }
  signOffs(includeSuperseded: true) { id stage team decision status comment }
  earlyAccess { grantedAt leadDaysElapsed }`;

export function inDays(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

/** Throws with the server's errors when a call that must succeed did not. */
export function ok<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data)
    throw new Error(`GraphQL call failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export function errorOf(res: GqlResponse<unknown>) {
  expect(res.errors).toHaveLength(1);
  return res.errors![0]!;
}

export async function createLaunch(
  app: TestApp,
  token: string,
  input: Record<string, unknown> = {},
): Promise<LaunchDto> {
  const data = ok(
    await app.gql<{ createLaunch: LaunchDto }>(
      token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { ${LAUNCH_FIELDS} } }`,
      {
        i: {
          key: `launch-${uniqueSuffix()}`,
          name: 'Test launch',
          targetGaDate: inDays(30),
          ...input,
        },
      },
    ),
  );
  return data.createLaunch;
}

export async function getLaunch(app: TestApp, token: string, id: string): Promise<LaunchDto> {
  return ok(
    await app.gql<{ launch: LaunchDto }>(
      token,
      `query($id: ID!) { launch(id: $id) { ${LAUNCH_FIELDS} } }`,
      { id },
    ),
  ).launch;
}

export function completeItem(
  app: TestApp,
  token: string,
  itemId: string,
  extra: Record<string, unknown> = {},
) {
  return app.gql<{ completeChecklistItem: { id: string; status: string } }>(
    token,
    `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id status evidenceUrl note } }`,
    { i: { itemId, ...extra } },
  );
}

export function signOff(
  app: TestApp,
  token: string,
  launchId: string,
  team: Team,
  decision: 'GO' | 'NO_GO',
  comment?: string,
) {
  return app.gql<{ signOff: { id: string; status: string; decision: string } }>(
    token,
    `mutation($i: SignOffInput!) { signOff(input: $i) { id team decision status comment } }`,
    { i: { launchId, team, decision, comment } },
  );
}

export function advance(app: TestApp, token: string, launchId: string, expectedVersion?: number) {
  return app.gql<{ advanceLaunch: LaunchDto }>(
    token,
    `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { ${LAUNCH_FIELDS} } }`,
    { i: { launchId, expectedVersion } },
  );
}

export type TeamMembers = Record<Team, TestUser>;

export async function createTeamMembers(app: TestApp): Promise<TeamMembers> {
  return {
    PRODUCT: await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] }),
    ENGINEERING: await app.createUser({ role: 'MEMBER', teams: ['ENGINEERING'] }),
    SUPPORT: await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] }),
  };
}

/** Each team completes its required items of the current stage and signs GO. */
export async function satisfyGate(
  app: TestApp,
  members: TeamMembers,
  launchId: string,
): Promise<LaunchDto> {
  const launch = await getLaunch(app, members.PRODUCT.token, launchId);
  for (const item of launch.checklist.filter(
    (i) => i.stage === launch.stage && i.required && i.status === 'OPEN',
  )) {
    ok(await completeItem(app, members[item.team].token, item.id));
  }
  for (const team of TEAMS) ok(await signOff(app, members[team].token, launchId, team, 'GO'));
  return getLaunch(app, members.PRODUCT.token, launchId);
}

/** A key prefix unique to this run, for tests that search for their own launches. */
export function uniqueKeyPrefix(): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
