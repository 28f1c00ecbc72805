import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, startServer } from '../support/server-process.js';
import { createScratchDatabase } from '../support/scratch-database.js';

interface Answer<T> {
  data?: T;
  errors?: { extensions?: { code?: string } }[];
}

async function gql<T>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await res.json()) as Answer<T>;
  if (answer.errors || !answer.data)
    throw new Error(`GraphQL call failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

describe('starting the service', () => {
  it('runs on embedded PostgreSQL with demo data, and keeps what was written across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-embedded-'));
    try {
      const first = await startServer({ DATA_DIR: dataDir });
      expect(first.output()).toContain('LOCAL DEMO TOKENS');
      const demoUsers = (await (await fetch(`${first.url}/demo/users`)).json()) as {
        role: string;
        token: string;
      }[];
      expect(demoUsers.map((u) => u.role).sort()).toEqual([
        'ADMIN',
        'COORDINATOR',
        'MEMBER',
        'MEMBER',
        'MEMBER',
        'VIEWER',
      ]);
      const coordinator = demoUsers.find((u) => u.role === 'COORDINATOR')!;
      expect(
        ((await (await fetch(`${first.url}/health`)).json()) as { status: string }).status,
      ).toBe('ok');

      const seeded = await gql<{
        launches: { edges: { node: { stage: string; blocked: boolean; earlyAccess: unknown } }[] };
      }>(
        first.url,
        coordinator.token,
        `{ launches(first: 20) { totalCount edges { node { stage blocked earlyAccess { grantedAt } } } } }`,
      );
      const nodes = seeded.launches.edges.map((e) => e.node);
      expect(new Set(nodes.map((n) => n.stage)).size).toBeGreaterThanOrEqual(3);
      expect(nodes.some((n) => n.blocked)).toBe(true);
      expect(nodes.some((n) => n.earlyAccess)).toBe(true);

      const created = await gql<{ createLaunch: { id: string } }>(
        first.url,
        coordinator.token,
        `mutation { createLaunch(input: { key: "survives-restart", name: "Survives" }) { id } }`,
      );
      expect(await first.stop('SIGTERM')).toBe(0);

      const second = await startServer({ DATA_DIR: dataDir });
      try {
        expect(second.output()).not.toContain('LOCAL DEMO TOKENS');
        const found = await gql<{ launch: unknown }>(
          second.url,
          coordinator.token,
          `{ launch(key: "survives-restart") { id name } }`,
        );
        expect(found.launch).toEqual({ id: created.createLaunch.id, name: 'Survives' });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('on a real PostgreSQL with BOOTSTRAP_ADMIN_TOKEN, lets a client create users and tokens and act as them; no demo route', async () => {
    const scratch = await createScratchDatabase('bootstrap');
    const adminToken = 'bootstrap-admin-token-for-tests-0123456789';
    const server = await startServer({
      DATABASE_URL: scratch.url,
      BOOTSTRAP_ADMIN_TOKEN: adminToken,
    });
    try {
      expect((await fetch(`${server.url}/demo/users`)).status).toBe(404);
      const user = await gql<{ createUser: { id: string } }>(
        server.url,
        adminToken,
        `mutation { createUser(input: { name: "Cy", email: "cy@example.com", role: COORDINATOR }) { id } }`,
      );
      const token = await gql<{ createApiToken: { token: string } }>(
        server.url,
        adminToken,
        `mutation($u: ID!) { createApiToken(userId: $u, name: "cli") { token } }`,
        {
          u: user.createUser.id,
        },
      );
      const me = await gql<{ me: unknown }>(
        server.url,
        token.createApiToken.token,
        `{ me { name role } }`,
      );
      expect(me.me).toEqual({ name: 'Cy', role: 'COORDINATOR' });
      const launch = await gql<{ createLaunch: unknown }>(
        server.url,
        token.createApiToken.token,
        `mutation { createLaunch(input: { key: "first-launch", name: "First" }) { stage version } }`,
      );
      expect(launch.createLaunch).toEqual({ stage: 'PLANNING', version: 1 });
    } finally {
      expect(await server.stop()).toBe(0);
      await scratch.drop();
    }
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['BOOTSTRAP_ADMIN_TOKEN', { BOOTSTRAP_ADMIN_TOKEN: 'short' }],
    ['OIDC_ISSUER_URL', { OIDC_ISSUER_URL: 'not a url' }],
    [
      'OIDC_ISSUER_URL',
      {
        OIDC_ISSUER_URL: 'http://login.example.com/realms/acme',
        OIDC_CLIENT_ID: 'liftoff',
        OIDC_CLIENT_SECRET: 'secret',
      },
    ],
    ['OIDC_ROLE_GROUPS', { OIDC_ROLE_GROUPS: 'ROOT=admins' }],
    ['OIDC_TEAM_GROUPS', { OIDC_TEAM_GROUPS: 'PRODUCT=pm,ENGINEERING' }],
    ['OIDC_SCOPES', { OIDC_SCOPES: 'email profile' }],
    ['SESSION_IDLE_MINUTES', { SESSION_IDLE_MINUTES: '0' }],
    ['SESSION_MAX_HOURS', { SESSION_MAX_HOURS: 'a week' }],
  ])('stops at boot with one clear line when %s is invalid', (name, env) => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name}=`));
  });

  it('stops at boot with one line when single sign-on is configured in part', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        OIDC_ISSUER_URL: 'https://login.example.com/realms/acme',
        OIDC_CLIENT_ID: 'liftoff',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: single sign-on needs OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together; OIDC_CLIENT_SECRET is not set',
    ]);
  });
});
