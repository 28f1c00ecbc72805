import { useEffect, useState } from 'react';
import { request, toApiError } from '../api/client';
import type { ApiError } from '../api/client';
import { LaunchEventsQuery } from '../api/operations';
import type { LaunchEventsQuery as EventsResult } from '../gql/graphql';
import { useSession } from '../session';

export type HistoryEvent = NonNullable<EventsResult['launch']>['events']['edges'][number]['node'];

/** The API's largest page: the whole history in as few requests as it allows. */
const PAGE_SIZE = 100;

/**
 * A launch's whole history, oldest first, read again whenever its version moves on (the
 * page's live query moves it). The discussion and the audit trail both read from it.
 */
export function useLaunchHistory(launchKey: string, version: number) {
  const { token } = useSession();
  const [events, setEvents] = useState<HistoryEvent[] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  useEffect(() => {
    let stale = false;
    const load = async () => {
      const collected: HistoryEvent[] = [];
      let after: string | null = null;
      for (;;) {
        const data: EventsResult = await request(
          LaunchEventsQuery,
          { key: launchKey, first: PAGE_SIZE, after },
          token,
        );
        const connection = data.launch?.events;
        if (!connection) break;
        collected.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }
      return collected;
    };
    load()
      .then((loaded) => {
        if (stale) return;
        setEvents(loaded);
        setError(undefined);
      })
      .catch((e: unknown) => !stale && setError(toApiError(e)));
    return () => {
      stale = true;
    };
  }, [launchKey, version, token]);

  return { events, error };
}

/** The fields of `data` the discussion reads, checked rather than trusted. */
export function commentData(event: HistoryEvent): {
  body: string;
  replyToEventId: string | null;
  respondsTo: string[];
} {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return {
    body: typeof data.body === 'string' ? data.body : '',
    replyToEventId: typeof data.replyToEventId === 'string' ? data.replyToEventId : null,
    respondsTo: Array.isArray(data.respondsTo)
      ? data.respondsTo.filter((id): id is string => typeof id === 'string')
      : [],
  };
}

export function signOffIdOf(event: HistoryEvent): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return typeof data.signOffId === 'string' ? data.signOffId : null;
}
