import type { AddressInfo } from 'node:net';
import type { Role, Team } from '#workflow';
import { ApiTokenRepository } from '../../apps/api/src/identity/api-token.repository.js';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config.js';
import type { Clock } from '../../apps/api/src/common/clock.js';
import { createApp, type RunningApp } from '../../apps/api/src/create-app.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import { post } from './http-client.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; missing?: unknown[]; [k: string]: unknown };
  }[];
}

export interface TestUser {
  id: string;
  token: string;
  role: Role;
  teams: Team[];
}

export interface TestApp {
  url: string;
  running: RunningApp;
  config: AppConfig;
  close(): Promise<void>;
  createUser(input: { role: Role; teams?: Team[]; name?: string }): Promise<TestUser>;
  gql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
}

let counter = 0;
/** Unique per process and call, so tests sharing one database never collide. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}-${Date.now().toString(36)}-${counter}`;
}

/** The whole app on the run's real PostgreSQL database (created by global-setup), listening on a free port. */
export async function bootTestApp(
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      'TEST_DATABASE_URL is not set: run tests through jest (global-setup creates it)',
    );
  return startTestApp(
    loadConfig({
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      PORT: '0',
      // Every suite calls from 127.0.0.1 into one database, so one minute's anonymous window
      // is shared by all of them; suites that test that limit use a database of their own.
      RATE_LIMIT_ANONYMOUS_PER_MIN: '1000000',
      ...env,
    }),
    clock,
  );
}

/** The whole app with this configuration (embedded or a real server), on PORT (0: a free one). */
export async function startTestApp(config: AppConfig, clock?: Clock): Promise<TestApp> {
  const running = await createApp(config, undefined, clock);
  await running.app.listen(config.PORT, '127.0.0.1');
  const { port } = running.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const users = new UserRepository(running.database.dataSource);
  const tokens = new ApiTokenRepository(running.database.dataSource);
  return {
    url,
    running,
    config,
    async close() {
      await running.app.close();
      await running.database.close();
    },
    async createUser({ role, teams = [], name }) {
      const suffix = uniqueSuffix();
      const user = await users.insert({
        name: name ?? `${role.toLowerCase()} ${teams.join('+')} ${suffix}`,
        email: `${role.toLowerCase()}-${suffix}@test.liftoff.local`,
        role,
        teams,
      });
      const { secret } = await tokens.issue(user.id, 'test');
      return { id: user.id, token: secret, role, teams };
    },
    gql: (token, query, variables) => post(url, token, query, variables) as never,
  };
}
