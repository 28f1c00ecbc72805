import type { Role, Team } from '#workflow';
import type { UserEntity } from '../identity/user.entity.js';
import { actorOf, type Viewer } from '../identity/viewer.js';

/** A demo person with the token the admin UI's picker signs in with. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  token: string;
}

/** The seeders act as the demo person of this role (and team), through the real commands. */
export function demoViewer(users: readonly DemoUser[], role: Role, team?: Team): Viewer {
  const found = users.find((u) => u.role === role && (!team || u.teams.includes(team)));
  if (!found) throw new Error(`no demo ${role} ${team ?? ''}`);
  const user: UserEntity = { ...found, createdAt: new Date(), active: true, managedBy: 'LOCAL' };
  return { user, tokenId: 'demo-seed', actor: actorOf(user) };
}
