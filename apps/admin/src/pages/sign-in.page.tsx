import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { SsoSignIn } from '../components/sso-sign-in';
import { ErrorMessage, PageTitle, TeamChip } from '../components/ui';
import type { Role, Team } from '../gql/graphql';
import type { SignInControls } from '../session';

interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  token: string;
}

function isDemoUser(value: unknown): value is DemoUser {
  const user = value as Partial<DemoUser> | null;
  return (
    !!user &&
    typeof user.name === 'string' &&
    typeof user.token === 'string' &&
    typeof user.role === 'string' &&
    Array.isArray(user.teams)
  );
}

/** `GET /demo/users` exists only when the API runs with demo data; otherwise: no picker. */
function useDemoUsers(): DemoUser[] {
  const [users, setUsers] = useState<DemoUser[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/demo/users', { headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        if (response.status !== 200) return;
        const body: unknown = await response.json();
        if (Array.isArray(body)) setUsers(body.filter(isDemoUser));
      })
      .catch(() => {
        // No demo mode (or not JSON): the token form is the way in.
      });
    return () => controller.abort();
  }, []);
  return users;
}

export function SignInPage(props: SignInControls) {
  const [token, setToken] = useState('');
  const demoUsers = useDemoUsers();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) void props.signIn(token);
  };

  return (
    <main className="sign-in" aria-busy={props.busy}>
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">▲</span> Liftoff
        </p>
        <PageTitle>Sign in</PageTitle>
        <p className="muted">Launch readiness: checklists, sign-offs and the go/no-go.</p>
        <ErrorMessage error={props.error} title="Sign-in failed" />
        <SsoSignIn />
        <form onSubmit={onSubmit} className="stack">
          <div className="field">
            <label htmlFor="token">API token</label>
            <input
              id="token"
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-describedby="token-help"
            />
            <p id="token-help" className="help">
              Paste a personal API token. It stays in this browser until you sign out.
            </p>
          </div>
          <button type="submit" className="button primary" disabled={props.busy}>
            {props.busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {demoUsers.length > 0 && (
          <section aria-labelledby="demo-users-title" className="demo-users">
            <h2 id="demo-users-title">Demo users</h2>
            <p className="help">This API runs with demo data: sign in as one of its users.</p>
            <ul className="demo-user-list">
              {demoUsers.map((user) => (
                <li key={user.id}>
                  <button
                    type="button"
                    className="demo-user"
                    disabled={props.busy}
                    onClick={() => void props.signIn(user.token)}
                  >
                    <span className="demo-user-name">{user.name}</span>
                    <span className="demo-user-meta">
                      <span className="chip chip-role">{user.role}</span>
                      {user.teams.map((team) => (
                        <TeamChip key={team} team={team} />
                      ))}
                    </span>
                    <span className="visually-hidden">, sign in as this user</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
