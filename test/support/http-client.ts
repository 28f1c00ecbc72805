/** A bare GraphQL-over-HTTP call with a deadline, for suites that talk to server processes. */
export interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export async function post<T>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
  timeoutMs = 20_000,
): Promise<Answer<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  try {
    return { status: res.status, ...(JSON.parse(text) as Omit<Answer<T>, 'status'>) };
  } catch {
    return { status: res.status, errors: [{ message: text }] };
  }
}
