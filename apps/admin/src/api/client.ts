import type { TypedDocumentString } from '../gql/graphql';

/** One unmet gate rule as `extensions.missing` carries it (same shape as readiness.missing). */
export interface MissingRequirement {
  kind: string;
  team?: string | null;
  message: string;
  itemId?: string | null;
}

export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: {
    code?: string;
    field?: string;
    missing?: MissingRequirement[];
    [key: string]: unknown;
  };
}

/**
 * What every failed request turns into: the server's errors, unchanged, so the UI can show
 * each message as it was written (and the field or missing list it names).
 */
export class ApiError extends Error {
  readonly errors: GraphQLErrorPayload[];
  readonly status: number | undefined;

  constructor(errors: GraphQLErrorPayload[], status?: number) {
    super(errors.map((e) => e.message).join('\n') || 'Request failed');
    this.name = 'ApiError';
    this.errors = errors;
    this.status = status;
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  /** The input field a BAD_USER_INPUT error names, if any. */
  get field(): string | undefined {
    return this.errors.find((e) => typeof e.extensions?.field === 'string')?.extensions?.field;
  }

  /** The unmet requirements a GATE_NOT_SATISFIED error lists. */
  get missing(): MissingRequirement[] {
    return this.errors.flatMap((e) =>
      Array.isArray(e.extensions?.missing) ? e.extensions.missing : [],
    );
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

/** Sends one typed operation to the API; resolves with its data or rejects with an ApiError. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token: string | null,
  signal?: AbortSignal,
): Promise<TResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    // CSRF prevention is on in the API: this header marks the request as non-simple.
    'apollo-require-preflight': 'true',
  };
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError([{ message: `Cannot reach the API: ${detail}` }]);
  }

  let body: { data?: TResult | null; errors?: GraphQLErrorPayload[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(
      [{ message: `The API answered HTTP ${response.status} without a GraphQL response` }],
      response.status,
    );
  }
  if (body?.errors && body.errors.length > 0) throw new ApiError(body.errors, response.status);
  if (!response.ok || body?.data == null) {
    throw new ApiError(
      [{ message: `The API answered HTTP ${response.status} without data` }],
      response.status,
    );
  }
  return body.data;
}

/** Turns anything thrown into an ApiError, so every failure can be shown the same way. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError([{ message: error instanceof Error ? error.message : String(error) }]);
}
