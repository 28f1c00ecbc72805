import type { Role, Team } from '#workflow';

/** A person (or a bot) as the app_user table holds it; email is stored lower-cased and unique. */
export interface UserEntity {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  createdAt: Date;
}
