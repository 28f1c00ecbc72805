import type { Role, Team } from '#workflow';

/** A demo person with the token the admin UI's picker signs in with. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  token: string;
}
