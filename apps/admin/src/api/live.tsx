import { createClient } from 'graphql-ws';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type {
  LiveEventsSubscription as LiveEventsResult,
  TypedDocumentString,
} from '../gql/graphql';
import { useSession } from '../session';
import { LiveEventsSubscription } from './operations';
import { useQuery, type QueryState } from './use-api';

export type LiveEvent = LiveEventsResult['launchEvents'];
/** An event, or null: the socket came back and events may have been missed meanwhile. */
type Listener = (event: LiveEvent | null) => void;
export type LiveStatus = 'connecting' | 'live' | 'offline';

/** While the socket is down, pages fall back to asking the API this often. */
export const FALLBACK_POLL_MS = 5000;
/** The API closes a socket with this code when the token stops being valid. */
const FORBIDDEN_CLOSE_CODE = 4403;

interface Live {
  status: LiveStatus;
  listen(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ status: 'offline', listen: () => () => undefined });

function socketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * One graphql-ws socket per signed-in tab, subscribed to every launch's events; pages listen
 * to the ones they show. The token goes in connection_init, as the API asks.
 */
export function LiveProvider(props: { children: ReactNode }) {
  const { token, expire } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let everConnected = false;
    // A replaced client's late close must not overwrite the state of the one after it.
    let disposed = false;
    const notify = (event: LiveEvent | null) => listeners.current.forEach((l) => l(event));
    const client = createClient({
      url: socketUrl(),
      // Signed in through single sign-on there is no token: the session cookie goes with the upgrade.
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (event) => !(event instanceof CloseEvent && event.code === FORBIDDEN_CLOSE_CODE),
      on: {
        connected: () => {
          if (disposed) return;
          setStatus('live');
          // Whatever happened while the socket was down: pages read it again.
          if (everConnected) notify(null);
          everConnected = true;
        },
        closed: (event) => {
          if (disposed) return;
          setStatus('offline');
          if (event instanceof CloseEvent && event.code === FORBIDDEN_CLOSE_CODE)
            expire(event.reason || 'Your token is no longer valid: sign in again.');
        },
      },
    });
    const unsubscribe = client.subscribe<LiveEventsResult>(
      { query: (LiveEventsSubscription as TypedDocumentString<unknown, unknown>).toString() },
      {
        next: (result) => {
          if (result.data) notify(result.data.launchEvents);
        },
        error: () => {
          if (!disposed) setStatus('offline');
        },
        complete: () => undefined,
      },
    );
    return () => {
      disposed = true;
      unsubscribe();
      void client.dispose();
    };
  }, [token, expire]);

  const listen = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return <LiveContext.Provider value={{ status, listen }}>{props.children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}

/** Calls `onEvent` for every live event (null after a reconnect) while mounted. */
export function useLiveEvents(onEvent: Listener): void {
  const { listen } = useContext(LiveContext);
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => listen((event) => latest.current(event)), [listen]);
}

/**
 * A query kept current: read again when a matching event arrives (or after a reconnect),
 * and polled only while the socket is down.
 */
export function useLiveQuery<TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  matches: (event: LiveEvent, data: TResult | undefined) => boolean,
): QueryState<TResult> {
  const status = useLiveStatus();
  const query = useQuery(operation, variables, {
    pollMs: status === 'live' ? undefined : FALLBACK_POLL_MS,
  });
  useLiveEvents((event) => {
    if (event === null || matches(event, query.data)) void query.refetch();
  });
  return query;
}

/** The header's word on freshness: live, or how the page keeps up without the socket. */
export function LiveIndicator() {
  const status = useLiveStatus();
  const text =
    status === 'live'
      ? 'Live'
      : status === 'connecting'
        ? 'Connecting…'
        : `Offline: refreshing every ${FALLBACK_POLL_MS / 1000} s`;
  return (
    <span className={`live-indicator live-${status}`} role="status" title="Live updates">
      <span className="live-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
