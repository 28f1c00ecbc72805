import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GRAPHQL_ENDPOINT } from '../api/client';
import { readToken } from '../session';
import './graphiql.css';

/**
 * The GraphQL explorer: GraphiQL from the product's own files, a separate entry so the admin
 * bundle does not carry it. It sends the token the admin UI signed in with.
 */

const DEFAULT_QUERY = `# Everything the admin UI does goes through this API.
query MyWork {
  myWork {
    kind
    message
    waitingSince
    launch { key name stage }
  }
}
`;

function SignInFirst() {
  return (
    <main className="graphiql-signin">
      <h1>GraphQL explorer</h1>
      <p>
        The explorer sends your token with every request. <a href="./">Sign in to the admin</a>{' '}
        first, then come back.
      </p>
    </main>
  );
}

const container = document.getElementById('graphiql');
if (!container) throw new Error('graphiql.html has no #graphiql element');
const token = readToken();

createRoot(container).render(
  <StrictMode>
    {token ? (
      <GraphiQL
        defaultQuery={DEFAULT_QUERY}
        fetcher={async (params) => {
          const response = await fetch(GRAPHQL_ENDPOINT, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              'apollo-require-preflight': 'true',
              authorization: `Bearer ${token}`,
            },
            body: JSON.stringify(params),
          });
          return response.json();
        }}
      />
    ) : (
      <SignInFirst />
    )}
  </StrictMode>,
);
