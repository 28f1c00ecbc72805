import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** A person known to the test identity provider. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on 127.0.0.1 with one
 * confidential client whose redirect URI is `redirectUri`. Its development login form takes
 * any account id in `accounts` as the login; consent is asked and given like a person would.
 */
export async function startIdentityProvider(
  port: number,
  redirectUri: string,
  accounts: ProviderAccount[],
): Promise<IdentityProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const known = new Map(accounts.map((a) => [a.sub, a]));
  const clientId = 'liftoff';
  const clientSecret = 'liftoff-test-client-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    findAccount: (_ctx, sub) => {
      const account = known.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies as a browser keeps them, one jar per site (enough for these tests). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Walks the provider's side of a sign-in as a browser would, from the URL the app
 * redirected to, logging in as `login`: answers the app's callback URL (not yet visited).
 */
export async function signInAtProvider(authorizeUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.store(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (!next.startsWith(new URL(authorizeUrl).origin)) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"/.exec(html);
    if (!form) throw new Error(`The provider answered ${response.status} without a form: ${html}`);
    const body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
    const submitted = await fetch(new URL(form[1]!, url), {
      method: 'POST',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    jar.store(submitted);
    url = new URL(submitted.headers.get('location')!, url).href;
  }
  throw new Error('The sign-in at the provider did not return to the app.');
}
