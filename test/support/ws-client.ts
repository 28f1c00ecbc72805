import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws socket to the app at `baseUrl`, authenticated by `token`, remembering how it closed. */
export function trackedSocket(baseUrl: string, token: string) {
  let closedWith: number | null = null;
  let connected = false;
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  client.on('connected', () => (connected = true));
  client.on('closed', (event) => (closedWith = (event as { code: number }).code));
  return { client, connected: () => connected, closed: () => closedWith };
}
