import type { Role, Team } from '#workflow';

/** A person (or a bot) as the app_user table holds it; email is stored lower-cased and unique. */
export interface UserEntity {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  createdAt: Date;
  /** A deactivated user holds no working credential and cannot sign in. */
  active: boolean;
  /** OIDC once a single sign-on linked or created the user. */
  managedBy: 'LOCAL' | 'OIDC';
}
