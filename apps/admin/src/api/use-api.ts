import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { useSession } from '../session';
import { ApiError, request, toApiError } from './client';

export interface QueryState<TResult> {
  data: TResult | undefined;
  error: ApiError | undefined;
  /** True until the first answer for the current variables arrives. */
  loading: boolean;
  refetch(): Promise<void>;
}

/**
 * Runs a query for the signed-in user, again whenever its variables change, and every
 * `pollMs` milliseconds when given (never two at once). Data from the previous variables is
 * not shown as the current one's.
 */
export function useQuery<TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { pollMs?: number } = {},
): QueryState<TResult> {
  const { token, expire } = useSession();
  const variablesKey = JSON.stringify(variables ?? {});
  const [state, setState] = useState<{
    key: string;
    data?: TResult;
    error?: ApiError;
    settled: boolean;
  }>({ key: variablesKey, settled: false });
  const latest = useRef(0);
  const inFlight = useRef(false);

  const run = useCallback(async () => {
    const id = ++latest.current;
    inFlight.current = true;
    try {
      const data = await request(operation, JSON.parse(variablesKey) as TVariables, token);
      if (id === latest.current) setState({ key: variablesKey, data, settled: true });
    } catch (error) {
      if (id !== latest.current) return;
      const apiError = toApiError(error);
      if (apiError.code === 'UNAUTHENTICATED') expire(apiError.message);
      setState((previous) => ({
        key: variablesKey,
        data: previous.key === variablesKey ? previous.data : undefined,
        error: apiError,
        settled: true,
      }));
    } finally {
      if (id === latest.current) inFlight.current = false;
    }
  }, [operation, variablesKey, token, expire]);

  useEffect(() => {
    void run();
  }, [run]);

  useEffect(() => {
    if (!options.pollMs) return;
    const timer = window.setInterval(() => {
      if (!inFlight.current && document.visibilityState !== 'hidden') void run();
    }, options.pollMs);
    return () => window.clearInterval(timer);
  }, [run, options.pollMs]);

  const current = state.key === variablesKey;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || !state.settled,
    refetch: run,
  };
}

export interface MutationState<TResult, TVariables> {
  run(variables: TVariables): Promise<TResult | undefined>;
  busy: boolean;
  error: ApiError | undefined;
  reset(): void;
}

/** A mutation for the signed-in user; failures are kept in `error` to be shown, never thrown. */
export function useMutation<TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>,
): MutationState<TResult, TVariables> {
  const { token, expire } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const run = useCallback(
    async (variables: TVariables) => {
      setBusy(true);
      setError(undefined);
      try {
        return await request(operation, variables, token);
      } catch (caught) {
        const apiError = toApiError(caught);
        if (apiError.code === 'UNAUTHENTICATED') expire(apiError.message);
        setError(apiError);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [operation, token, expire],
  );

  const reset = useCallback(() => setError(undefined), []);
  return { run, busy, error, reset };
}
