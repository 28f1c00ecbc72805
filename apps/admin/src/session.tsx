import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, request, toApiError } from './api/client';
import { MeQuery } from './api/operations';
import type { MeQuery as MeResult } from './gql/graphql';

export type Me = MeResult['me'];

const TOKEN_KEY = 'liftoff.admin.token';

interface Session {
  /** The API token; empty when a single sign-on session cookie authenticates instead. */
  token: string;
  me: Me;
  signOut(): void;
  /** Called when the API stops accepting the token: back to sign-in, saying why. */
  expire(message: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in SessionProvider');
  return session;
}

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage unavailable (private mode): the session lasts until the tab closes.
  }
}

type State =
  | { status: 'checking'; token: string }
  | { status: 'signedOut'; error?: ApiError }
  | { status: 'signedIn'; token: string; me: Me };

export interface SignInControls {
  signIn(token: string): Promise<void>;
  error: ApiError | undefined;
  busy: boolean;
}

/**
 * Holds the token (in localStorage until sign-out) and the `me` it belongs to. Renders
 * `signedOut` with sign-in controls until a token is accepted by the API.
 */
export function SessionProvider(props: {
  children: ReactNode;
  signedOut: (controls: SignInControls) => ReactNode;
  checking: ReactNode;
}) {
  const [state, setState] = useState<State>(() => {
    // No stored token: a single sign-on session cookie may still be there.
    return { status: 'checking', token: readToken() ?? '' };
  });
  const [busy, setBusy] = useState(false);

  const verify = useCallback(async (token: string) => {
    try {
      const data = await request(MeQuery, {}, token);
      writeToken(token);
      setState({ status: 'signedIn', token, me: data.me });
    } catch (error) {
      const apiError = toApiError(error);
      // Only a refused token is forgotten; an unreachable API keeps it for the next try. A
      // cookie check (no token) forgets nothing: a token stored meanwhile (another tab) stays.
      if (apiError.code === 'UNAUTHENTICATED' && token !== '') writeToken(null);
      // No cookie session is no failure: the sign-in page simply shows.
      const quiet = token === '' && apiError.code === 'UNAUTHENTICATED';
      setState({ status: 'signedOut', ...(quiet ? {} : { error: apiError }) });
    }
  }, []);

  useEffect(() => {
    if (state.status === 'checking') void verify(state.token);
  }, [state, verify]);

  const signIn = useCallback(
    async (token: string) => {
      setBusy(true);
      try {
        await verify(token.trim());
      } finally {
        setBusy(false);
      }
    },
    [verify],
  );

  const signOut = useCallback(() => {
    writeToken(null);
    // Ends a single sign-on session too (the cookie is HttpOnly: only the server can drop it).
    void fetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
    setState({ status: 'signedOut' });
  }, []);

  const expire = useCallback((message: string) => {
    writeToken(null);
    setState({ status: 'signedOut', error: new ApiError([{ message }]) });
  }, []);

  const session = useMemo<Session | null>(
    () =>
      state.status === 'signedIn' ? { token: state.token, me: state.me, signOut, expire } : null,
    [state, signOut, expire],
  );

  if (state.status === 'checking') return <>{props.checking}</>;
  if (!session) {
    return (
      <>
        {props.signedOut({
          signIn,
          busy,
          error: state.status === 'signedOut' ? state.error : undefined,
        })}
      </>
    );
  }
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
