import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LaunchEventBus } from '../../apps/api/src/events/launch-event-bus.js';
import type { TestApp } from '../support/test-app.js';

export interface StreamedEvent {
  id: string;
  launchId: string;
  sequence: number;
  type: string;
  stage: string;
  team: string | null;
  actor: { id: string } | null;
  data: Record<string, unknown>;
  /** performance.now() when the client received it. */
  receivedAt: number;
}

export const LAUNCH_EVENTS = `subscription($launchId: ID) {
  launchEvents(launchId: $launchId) { id launchId sequence type stage team actor { id } data }
}`;

export function wsUrl(app: TestApp): string {
  return `${app.url.replace(/^http/, 'ws')}/graphql`;
}

export function wsClient(app: TestApp, token: string | null, extra: object = {}): Client {
  return createClient({
    url: wsUrl(app),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    ...extra,
  });
}

/** Subscribes and collects what arrives; `ready` resolves once the server has the subscription. */
export async function collect(
  app: TestApp,
  token: string,
  launchId: string | null,
): Promise<{ events: StreamedEvent[]; errors: unknown[]; close(): Promise<void> }> {
  const bus = app.running.app.get(LaunchEventBus);
  // A pass-through spy (the same one on later calls): counts the streams the server opens.
  const opened = jest.spyOn(bus, 'open');
  const openedBefore = opened.mock.calls.length;
  const client = wsClient(app, token);
  const events: StreamedEvent[] = [];
  const errors: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (e) => reject(new Error(`closed: ${JSON.stringify(e)}`)));
  });
  const dispose = client.subscribe<{ launchEvents: Omit<StreamedEvent, 'receivedAt'> }>(
    { query: LAUNCH_EVENTS, variables: { launchId } },
    {
      next: (r) => {
        if (r.data) events.push({ ...r.data.launchEvents, receivedAt: performance.now() });
        if (r.errors) errors.push(...r.errors);
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  // Registered once the server has opened its stream on the bus (everything committed from
  // then on reaches it): wait for that call instead of a fixed pause.
  await waitFor(() => opened.mock.calls.length > openedBefore, 10_000, 'the subscription');
  return {
    events,
    errors,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const COMMENT = `mutation($i: CommentInput!) { addComment(input: $i) { id sequence } }`;
