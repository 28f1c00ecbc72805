import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  ApiTokensQuery,
  CreateApiTokenMutation,
  RevokeApiTokenMutation,
} from '../api/identity.operations';
import { useMutation, useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import type { Team, TokenScope } from '../gql/graphql';
import { useSession } from '../session';

const SCOPES: { scope: TokenScope; label: string }[] = [
  { scope: 'READ', label: 'Read only' },
  { scope: 'COMMENT', label: 'Comment' },
  { scope: 'ITEMS', label: 'Complete and reopen items' },
  { scope: 'SIGN_OFF', label: 'Sign off' },
  { scope: 'TICKETS', label: 'Record support tickets' },
  { scope: 'MANAGE', label: 'Everything else' },
];
const TEAMS: Team[] = ['PRODUCT', 'ENGINEERING', 'SUPPORT'];

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** The signed-in person's tokens: create one that does one job (secret shown once), revoke. */
export function TokensPage() {
  const { me } = useSession();
  const tokens = useQuery(ApiTokensQuery, { userId: me.id });
  const create = useMutation(CreateApiTokenMutation);
  const revoke = useMutation(RevokeApiTokenMutation);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [launchIds, setLaunchIds] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ids = launchIds
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    const created = await create.run({
      userId: me.id,
      name,
      scopes: scopes.length > 0 ? scopes : null,
      teams: teams.length > 0 ? teams : null,
      launchIds: ids.length > 0 ? ids : null,
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
    });
    if (created) {
      setSecret(created.createApiToken.token);
      setCopied(false);
      setName('');
      await tokens.refetch();
    }
  };

  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };

  return (
    <main className="page">
      <PageTitle>API tokens</PageTitle>
      <p className="muted">
        Tokens for scripts and pipelines. Leave a limit empty for no limit; a token never does more
        than you.
      </p>
      {secret && (
        <section className="card" aria-labelledby="secret-title">
          <h2 id="secret-title">Your new token</h2>
          <p className="help">Copy it now: it is shown only once.</p>
          <code className="secret" data-testid="token-secret">
            {secret}
          </code>{' '}
          <button type="button" className="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </section>
      )}
      <form className="stack card" onSubmit={(e) => void onSubmit(e)}>
        <h2>New token</h2>
        <ErrorMessage error={create.error} title="The token was not created" />
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Scopes (none chosen: every scope)</legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope}>
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={() => setScopes(toggle(scopes, scope))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Teams (none chosen: no team limit)</legend>
          {TEAMS.map((team) => (
            <label key={team}>
              <input
                type="checkbox"
                checked={teams.includes(team)}
                onChange={() => setTeams(toggle(teams, team))}
              />{' '}
              {team}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="token-launches">Launch ids (comma-separated; empty: every launch)</label>
          <input
            id="token-launches"
            value={launchIds}
            onChange={(e) => setLaunchIds(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="token-expiry">Expires (empty: never)</label>
          <input
            id="token-expiry"
            type="datetime-local"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={create.busy}>
          {create.busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <ErrorMessage error={tokens.error ?? revoke.error} />
      {tokens.loading && !tokens.data ? (
        <Loading label="Loading tokens…" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Limits</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.apiTokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scopes.join(', ')}</td>
                <td>
                  {[
                    token.teams?.join(', '),
                    token.launchIds && `${token.launchIds.length} launch(es)`,
                  ]
                    .filter(Boolean)
                    .join('; ') || 'none'}
                </td>
                <td>{when(token.expiresAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    `Revoked ${when(token.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={revoke.busy}
                      onClick={() => void revoke.run({ id: token.id }).then(() => tokens.refetch())}
                    >
                      Revoke<span className="visually-hidden"> {token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
