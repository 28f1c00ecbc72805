import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  CreateUserMutation,
  DeactivateUserMutation,
  ReactivateUserMutation,
  UpdateUserMutation,
  UsersQuery,
} from '../api/identity.operations';
import { useMutation, useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import type { Role, Team, UsersQuery as UsersResult } from '../gql/graphql';

const ROLES: Role[] = ['ADMIN', 'COORDINATOR', 'MEMBER', 'VIEWER'];
const TEAMS: Team[] = ['PRODUCT', 'ENGINEERING', 'SUPPORT'];
type Person = UsersResult['users'][number];

/**
 * Everyone (ADMIN): create people, change role and teams, deactivate and reactivate. People
 * the identity provider manages show its role and teams; the API refuses changes to them.
 */
export function PeoplePage() {
  const users = useQuery(UsersQuery, {});
  const create = useMutation(CreateUserMutation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (await create.run({ input: { name, email, role, teams: [] } })) {
      setName('');
      setEmail('');
      await users.refetch();
    }
  };

  return (
    <main className="page">
      <PageTitle>People</PageTitle>
      <ErrorMessage error={users.error} />
      {users.loading && !users.data ? (
        <Loading label="Loading people…" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((person) => (
              <PersonRow key={person.id} person={person} onChange={() => void users.refetch()} />
            ))}
          </tbody>
        </table>
      )}
      <form className="stack card" onSubmit={(e) => void onCreate(e)}>
        <h2>Add a person</h2>
        <ErrorMessage error={create.error} title="The person was not added" />
        <div className="field">
          <label htmlFor="person-name">Name</label>
          <input id="person-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="person-email">Email</label>
          <input
            id="person-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="person-role">Role</label>
          <select id="person-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary" disabled={create.busy}>
          Add
        </button>
      </form>
    </main>
  );
}

function PersonRow({ person, onChange }: { person: Person; onChange: () => void }) {
  const update = useMutation(UpdateUserMutation);
  const deactivate = useMutation(DeactivateUserMutation);
  const reactivate = useMutation(ReactivateUserMutation);
  const managed = person.managedBy === 'OIDC';
  const error = update.error ?? deactivate.error ?? reactivate.error;
  const after = (done: Promise<unknown>) => void done.then(onChange);

  const setTeams = (team: Team) =>
    after(
      update.run({
        id: person.id,
        input: {
          teams: person.teams.includes(team)
            ? person.teams.filter((t) => t !== team)
            : [...person.teams, team],
        },
      }),
    );

  return (
    <tr>
      <td>
        {person.name}
        <br />
        <span className="muted">{person.email}</span>
        {error && <ErrorMessage error={error} />}
      </td>
      <td>
        <select
          aria-label={`Role of ${person.name}`}
          value={person.role}
          disabled={update.busy}
          onChange={(e) =>
            after(update.run({ id: person.id, input: { role: e.target.value as Role } }))
          }
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        {TEAMS.map((team) => (
          <label key={team}>
            <input
              type="checkbox"
              checked={person.teams.includes(team)}
              disabled={update.busy}
              onChange={() => setTeams(team)}
            />{' '}
            {team}{' '}
          </label>
        ))}
      </td>
      <td>{managed ? 'Identity provider' : 'Local'}</td>
      <td>
        {person.active ? 'Active' : 'Deactivated'}{' '}
        {person.active ? (
          <button
            type="button"
            className="button"
            disabled={deactivate.busy}
            onClick={() => after(deactivate.run({ id: person.id }))}
          >
            Deactivate<span className="visually-hidden"> {person.name}</span>
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={reactivate.busy}
            onClick={() => after(reactivate.run({ id: person.id }))}
          >
            Reactivate<span className="visually-hidden"> {person.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
