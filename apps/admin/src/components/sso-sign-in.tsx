import { useEffect, useState } from 'react';

/** `GET /auth/sso` says whether single sign-on is configured, and with which provider. */
function useSso(): string | null {
  const [provider, setProvider] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/auth/sso', { headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        if (response.status !== 200) return;
        const body = (await response.json()) as { enabled?: unknown; provider?: unknown };
        if (body.enabled === true && typeof body.provider === 'string') setProvider(body.provider);
      })
      .catch(() => {
        // An API without single sign-on: the token form is the way in.
      });
    return () => controller.abort();
  }, []);
  return provider;
}

/** "Sign in with <provider>" when the API has single sign-on configured; nothing otherwise. */
export function SsoSignIn() {
  const provider = useSso();
  if (!provider) return null;
  return (
    <div className="stack">
      <a className="button primary" href="/auth/login">
        Sign in with {provider}
      </a>
      <p className="help">Or paste an API token below.</p>
    </div>
  );
}
