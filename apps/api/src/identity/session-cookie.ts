import { parse } from 'cookie';

/** The session cookie (IDENTITY.md): HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export const SESSION_COOKIE = 'liftoff_session';

/** The credential scheme a session cookie is authenticated under (see AuthService). */
const SESSION_SCHEME = 'Session';

/** The request's credential: its Authorization header, or else its session cookie. */
export function requestCredential(
  authorization: string | undefined,
  cookieHeader: string | undefined,
): string | undefined {
  if (authorization) return authorization;
  const secret = sessionSecret(cookieHeader);
  return secret ? `${SESSION_SCHEME} ${secret}` : undefined;
}

export function sessionSecret(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[SESSION_COOKIE] || undefined;
}

export function sessionCookieOptions(publicUrl: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: new URL(publicUrl).protocol === 'https:',
  };
}
