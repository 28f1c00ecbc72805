import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { openDatabase, type Database } from '../../apps/api/src/database/data-source.js';
import { post } from './http-client.js';

export const ADMIN_TOKEN = 'fault-suite-bootstrap-admin-token-0123456789';

export interface Cast {
  admin: string;
  coordinator: string;
  members: Record<'PRODUCT' | 'ENGINEERING' | 'SUPPORT', string>;
}

async function must<T>(p: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const res = await p;
  if (res.errors?.length || !res.data)
    throw new Error(`setup call failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Users and tokens made over the API of a server started with BOOTSTRAP_ADMIN_TOKEN. */
export async function createCast(url: string): Promise<Cast> {
  const token = async (role: string, teams: string[]) => {
    const email = `${role.toLowerCase()}-${teams.join('-') || 'none'}-${Date.now()}-${Math.random().toString(36).slice(2)}@faults.test`;
    const user = await must<{ createUser: { id: string } }>(
      post(url, ADMIN_TOKEN, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
        i: { name: `${role} ${teams.join(' ')}`, email, role, teams },
      }),
    );
    const created = await must<{ createApiToken: { token: string } }>(
      post(
        url,
        ADMIN_TOKEN,
        `mutation($u: ID!) { createApiToken(userId: $u, name: "faults") { token } }`,
        {
          u: user.createUser.id,
        },
      ),
    );
    return created.createApiToken.token;
  };
  return {
    admin: ADMIN_TOKEN,
    coordinator: await token('COORDINATOR', []),
    members: {
      PRODUCT: await token('MEMBER', ['PRODUCT']),
      ENGINEERING: await token('MEMBER', ['ENGINEERING']),
      SUPPORT: await token('MEMBER', ['SUPPORT']),
    },
  };
}

export async function createLaunchOver(
  url: string,
  token: string,
  key: string,
): Promise<{
  id: string;
  checklist: {
    id: string;
    stage: string;
    team: 'PRODUCT' | 'ENGINEERING' | 'SUPPORT';
    required: boolean;
  }[];
}> {
  const data = await must<{ createLaunch: { id: string; checklist: never[] } }>(
    post(
      url,
      token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id checklist { id stage team required } } }`,
      {
        i: { key, name: key, targetGaDate: new Date(Date.now() + 30 * 86_400_000).toISOString() },
      },
    ),
  );
  return data.createLaunch;
}

export function openDirect(url: string): Promise<Database> {
  return openDatabase(loadConfig({ DATABASE_URL: url }));
}
